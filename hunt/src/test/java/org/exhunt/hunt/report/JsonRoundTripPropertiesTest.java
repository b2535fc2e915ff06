package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;

class JsonRoundTripPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Evidence is attacker-controlled text: whatever it holds must survive into the report unchanged. */
    @Property(tries = 300)
    void anyEvidenceTextComesBackFromTheJsonReport(@ForAll String userAgent, @ForAll String path,
                                                   @ForAll String fieldName, @ForAll String value) throws IOException {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put(fieldName, value);
        Finding finding = new Finding(ReportFixtures.COMMUNITY_HIGH, "sigma", ReportFixtures.T0,
                SourceRef.ofLine(path, 1, 0), matched, new Actor("10.0.0.1", null, userAgent));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        JsonNode written = MAPPER.readTree(new JsonReportWriter().toJson(report)).get("findings").get(0);

        assertThat(written.get("actor").get("user_agent").asText()).isEqualTo(userAgent);
        assertThat(written.get("source").get("path").asText()).isEqualTo(path);
        assertThat(written.get("matched").get(fieldName).asText()).isEqualTo(value);
    }
}
