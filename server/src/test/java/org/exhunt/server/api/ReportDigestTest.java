package org.exhunt.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.exhunt.server.SampleReports;
import org.exhunt.server.store.NewScan;
import org.junit.jupiter.api.Test;

class ReportDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property
    void theDigestDoesNotDependOnKeyOrder(@ForAll long seed) {
        ObjectNode report = SampleReports.report(null, "H", "compromised", List.of("CVE-2021-26855"),
                "2021-03-03T02:10:11Z", "10.0.0.1", "10.0.0.2");
        ObjectNode shuffled = shuffle(report, new Random(seed));
        assertThat(ReportDigest.sha256(ReportDigest.canonical(shuffled)))
                .isEqualTo(ReportDigest.sha256(ReportDigest.canonical(report)));
    }

    private static ObjectNode shuffle(ObjectNode node, Random random) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        Collections.shuffle(keys, random);
        ObjectNode out = JSON.createObjectNode();
        for (String k : keys) {
            var v = node.get(k);
            out.set(k, v.isObject() ? shuffle((ObjectNode) v, random) : v);
        }
        return out;
    }

    @Test
    void aDifferentValueMakesADifferentDigest() {
        ObjectNode a = SampleReports.report(null, "H", "clean", List.of(), "2021-03-03T02:10:11Z");
        ObjectNode b = a.deepCopy();
        b.with("scan").put("events", 1201);
        assertThat(ReportDigest.sha256(ReportDigest.canonical(a))).isNotEqualTo(ReportDigest.sha256(ReportDigest.canonical(b)));
    }

    @Test
    void theFleetFieldsComeFromTheReport() {
        ObjectNode r = SampleReports.report("scan-1", " EXCH01 ", "compromised", List.of("CVE-2021-34473"),
                "2021-03-03T02:10:11Z", "10.0.0.1");
        NewScan s = ReportDigest.digest("t", r, "{}", "ignored", Instant.EPOCH);
        assertThat(s.host()).isEqualTo("EXCH01");
        assertThat(s.scanKey()).isEqualTo("id:scan-1");
        assertThat(s.verdict()).isEqualTo("compromised");
        assertThat(s.exposureCves()).containsExactly("CVE-2021-34473");
        assertThat(s.findings()).isEqualTo(1);
        assertThat(s.scanTime()).isEqualTo(Instant.parse("2026-01-01T10:00:07Z"));
        assertThat(s.actors()).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo("10.0.0.1");
            assertThat(a.first()).isEqualTo(Instant.parse("2021-03-03T02:10:11Z"));
        });
    }

    @Test
    void chainTimesWithMinutePrecisionAreRead() {
        ObjectNode r = SampleReports.report("s", "H", "attempted", List.of(), "2021-03-03T02:10Z", "10.0.0.1");
        NewScan s = ReportDigest.digest("t", r, "{}", null, Instant.EPOCH);
        assertThat(s.actors().get(0).first()).isEqualTo(Instant.parse("2021-03-03T02:10:00Z"));
    }

    @Test
    void aHostIsTheReportsThenTheDeclaredOneThenUnknown() {
        assertThat(ReportDigest.hostOf("A", "B")).isEqualTo("A");
        assertThat(ReportDigest.hostOf(null, "B")).isEqualTo("B");
        assertThat(ReportDigest.hostOf("  ", null)).isEqualTo("unknown");
        assertThat(ReportDigest.hostOf("x".repeat(400), null)).hasSize(255);
    }

    @Test
    void theSchemaComesFromTheHuntJarAndAcceptsAWellFormedReport() throws Exception {
        ReportSchema schema = ReportSchema.load();
        assertThat(schema.problems(JSON.readTree(SampleReports.clean("s", "H")), 10)).isEmpty();
        assertThat(schema.problems(JSON.readTree("{\"tool\":{}}"), 10)).isNotEmpty();
    }
}
