package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.chain.ChainFindings.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.JsonReportWriter;
import org.exhunt.hunt.report.ScanInfo;
import org.exhunt.hunt.report.ScanReport;
import org.junit.jupiter.api.Test;

/** The chains and the retention check as the JSON report writes them, against the report's schema. */
class ChainReportJsonTest {

    private static final String SHELL = "/aspnet_client/system_web/sP7kQ2xw.aspx";

    private static ScanReport report() {
        ScanInfo info = new ScanInfo("scan-1", Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:00:05Z"), List.of("evidence/"), "EXCH01", 900, 1, null, null,
                Map.of("sigma", 3), "medium");
        return ScanReport.builder().tool("exhunt", "test").scan(info)
                .exposure(new Exposure("15.1.2106.2", "registry export", List.of("CVE-2021-26855", "CVE-2021-34473")))
                .coverage(List.of(FileCoverage.read("u_ex210303.log", "iis-w3c", 900,
                        Instant.parse("2021-03-01T00:00:01Z"), Instant.parse("2021-03-03T23:59:59Z"))))
                .findings(List.of(
                        request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                        request(SHELL_USE, T0.plusSeconds(60), "108.61.246.56", SHELL, 200),
                        request(SHELL_USE, T0.plusSeconds(61), "167.99.168.251", SHELL, 200),
                        fileOnDisk("inetpub/wwwroot" + SHELL)))
                .resemblances(ids -> List.of(new Resemblance("G0125", "HAFNIUM", 0.4, List.copyOf(ids))))
                .build();
    }

    private static JsonNode json(ScanReport report) throws IOException {
        return new ObjectMapper().readTree(new JsonReportWriter().toJson(report));
    }

    @Test
    void aReportWithChainsAndRetentionMatchesTheSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/org/exhunt/hunt/report/report.schema.json")) {
            assertThat(in).as("the report schema on the class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }

        assertThat(schema.validate(json(report()))).isEmpty();
    }

    @Test
    void chainsCarryAddressesStagesStepsSummaryAndResemblances() throws IOException {
        JsonNode chain = json(report()).get("chains").get(0);

        assertThat(chain.get("actor").asText()).isEqualTo("167.99.168.251");
        assertThat(chain.get("addresses").toString()).isEqualTo("[\"167.99.168.251\",\"108.61.246.56\"]");
        assertThat(chain.get("web_shells").size()).isEqualTo(2);
        assertThat(chain.get("stages").get(0).get("tactic").asText()).isEqualTo("initial-access");
        assertThat(chain.get("stages").get(1).get("techniques").get(0).asText()).isEqualTo("T1505.003");
        assertThat(chain.get("steps").get(0).get("rule_id").asText()).isEqualTo("ssrf");
        assertThat(chain.get("steps").get(0).get("evidence").asText()).startsWith(IIS + ":");
        assertThat(chain.get("summary").asText()).startsWith("167.99.168.251 and 108.61.246.56 acted through ProxyLogon");
        assertThat(chain.get("resembles").get(0).get("group_id").asText()).isEqualTo("G0125");
        assertThat(json(report()).get("chains").size()).isEqualTo(1);
    }

    @Test
    void retentionNamesEachLogKindTheWindowAndWhetherTheLogsReachBack() throws IOException {
        JsonNode retention = json(report()).get("retention");

        assertThat(retention.get("logs").get("iis-w3c").get("earliest").asText()).isEqualTo("2021-03-01T00:00:01Z");
        assertThat(retention.get("logs").get("iis-w3c").get("files").asInt()).isEqualTo(1);
        assertThat(retention.get("window_start").asText()).isEqualTo("2021-01-03");
        assertThat(retention.get("window_cve").asText()).isEqualTo("CVE-2021-26855");
        assertThat(retention.get("window_chain").asText()).isEqualTo("ProxyLogon");
        assertThat(retention.get("reaches_back").asBoolean()).isFalse();
        assertThat(json(report()).get("verdict").get("reasons").toString())
                .contains("The web logs begin 2021-03-01 (IIS W3C 2021-03-01), after exploitation of CVE-2021-26855"
                        + " (ProxyLogon), open on this build, began on 2021-01-03");
    }
}
