package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.report.ReportFixtures.ATTACKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(ScanReport report) throws IOException {
        return MAPPER.readTree(new JsonReportWriter().toJson(report));
    }

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws IOException {
        List<String> keys = new ArrayList<>();
        json(ReportFixtures.compromiseReport()).fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("tool", "schema_version", "scan", "verdict", "exposure",
                "retention", "coverage", "findings", "chains", "errors");
    }

    @Test
    void verdictIsWrittenInLowerCaseWithItsReasons() throws IOException {
        JsonNode verdict = json(ReportFixtures.compromiseReport()).get("verdict");

        assertThat(verdict.get("value").asText()).isEqualTo("compromised");
        // The web shell on disk leads (the plainest proof); the log events that got it there follow.
        assertThat(verdict.get("reasons").get(0).asText()).startsWith("China Chopper ASPX web shell: 1 file");
        assertThat(verdict.get("reasons").get(1).asText()).contains("ProxyLogon SSRF succeeded", ATTACKER);
    }

    @Test
    void scanKeysAreSnakeCaseAndTimesAreUtcWithZ() throws IOException {
        JsonNode scan = json(ReportFixtures.compromiseReport()).get("scan");

        assertThat(scan.get("fail_level").asText()).isEqualTo("high");
        assertThat(scan.get("started").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(scan.get("since").isNull()).isTrue();
        assertThat(scan.get("rules").get("ioc").asInt()).isEqualTo(812);
        assertThat(scan.get("host").asText()).isEqualTo("EXCH01");
    }

    @Test
    void findingCarriesRuleSourceMatchedAndActor() throws IOException {
        JsonNode findings = json(ReportFixtures.compromiseReport()).get("findings");
        JsonNode success = null;
        for (JsonNode f : findings) {
            if (f.get("rule").get("title").asText().equals("ProxyLogon SSRF succeeded")) {
                success = f;
                break;
            }
        }

        assertThat(success).isNotNull();
        assertThat(success.get("rule").get("level").asText()).isEqualTo("critical");
        assertThat(success.get("rule").get("tags").toString()).contains("cve.2021-26855");
        assertThat(success.get("engine").asText()).isEqualTo("sigma");
        assertThat(success.get("time").asText()).isEqualTo("2021-03-03T02:10:11Z");
        assertThat(success.get("source").get("path").asText()).isEqualTo("logs/W3SVC1/u_ex210303.log");
        assertThat(success.get("source").get("line").asLong()).isEqualTo(41);
        assertThat(success.get("source").has("record")).isFalse();
        assertThat(success.get("matched").get("cs-uri-stem").asText()).isEqualTo("/ecp/y.js");
        assertThat(success.get("actor").get("ip").asText()).isEqualTo(ATTACKER);
        assertThat(success.get("actor").get("user").isNull()).isTrue();
        assertThat(success.get("actor").get("user_agent").asText()).isEqualTo("ExchangeServicesClient/0.0.0.0");
    }

    @Test
    void recordBasedSourceWritesRecordInsteadOfLine() throws IOException {
        Finding finding = new Finding(ReportFixtures.COMMUNITY_MEDIUM, "sigma", ReportFixtures.T0,
                new SourceRef("Security.evtx", -1, 4711, 65536), Map.of(), Actor.UNKNOWN);
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        JsonNode source = json(report).get("findings").get(0).get("source");

        assertThat(source.has("line")).isFalse();
        assertThat(source.get("record").asLong()).isEqualTo(4711);
        assertThat(source.get("offset").asLong()).isEqualTo(65536);
    }

    @Test
    void findingsAreOrderedByTimeThenPathThenLineThenRuleWithUntimedLast() throws IOException {
        JsonNode findings = json(ReportFixtures.compromiseReport()).get("findings");
        List<String> keys = new ArrayList<>();
        for (JsonNode f : findings) {
            keys.add(f.get("time").asText() + " " + f.get("source").path("line").asText("-"));
        }

        assertThat(keys).containsExactly(
                "2021-03-03T02:00:11Z 10", "2021-03-03T02:10:06Z 40", "2021-03-03T02:10:11Z 41",
                "2021-03-03T02:10:13Z 42", "2021-03-03T02:10:20Z 45", "null -");
    }

    @Test
    void coverageTotalsCountEveryStatusIncludingZero() throws IOException {
        JsonNode totals = json(ReportFixtures.compromiseReport()).get("coverage").get("totals");

        assertThat(totals.get("files").asInt()).isEqualTo(4);
        assertThat(totals.get("read").asInt()).isEqualTo(1);
        assertThat(totals.get("partial").asInt()).isEqualTo(1);
        assertThat(totals.get("skipped").asInt()).isEqualTo(1);
        assertThat(totals.get("failed").asInt()).isEqualTo(1);
        JsonNode partial = json(ReportFixtures.compromiseReport()).get("coverage").get("files").get(1);
        assertThat(partial.get("warnings").get(0).asText()).isEqualTo("line 17: 3 columns, expected 42");
    }

    @Test
    void chainsHaveOneEntryPerAddressWithCvesAndTactics() throws IOException {
        JsonNode chains = json(ReportFixtures.compromiseReport()).get("chains");

        JsonNode first = chains.get(0);
        assertThat(first.get("actor").asText()).isEqualTo(ATTACKER);
        assertThat(first.get("findings").asInt()).isEqualTo(4);
        assertThat(first.get("levels").get("critical").asInt()).isEqualTo(3);
        assertThat(first.get("levels").get("high").asInt()).isEqualTo(1);
        assertThat(first.get("cves").get(0).asText()).isEqualTo("CVE-2021-26855");
        assertThat(first.get("tactics").get(0).asText()).isEqualTo("initial-access");
        assertThat(first.get("first").asText()).isEqualTo("2021-03-03T02:10:06Z");
        assertThat(first.get("last").asText()).isEqualTo("2021-03-03T02:10:20Z");
        assertThat(chains.get(chains.size() - 1).get("actor").isNull()).isTrue();
    }

    @Test
    void exposureIsUnknownUntilSomethingFillsIt() throws IOException {
        JsonNode exposure = json(ReportFixtures.compromiseReport()).get("exposure");

        assertThat(exposure.get("build").isNull()).isTrue();
        assertThat(exposure.get("source").isNull()).isTrue();
        assertThat(exposure.get("cves").isEmpty()).isTrue();
    }

    @Test
    void errorsAreListedWithTheirSource() throws IOException {
        JsonNode errors = json(ReportFixtures.compromiseReport()).get("errors");

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("message").asText()).contains("bad.yml:7");
    }

    @Test
    void sameInputInAnyOrderGivesTheSameBytes() throws IOException {
        byte[] first = bytes(ReportFixtures.compromiseFindings());
        for (long seed = 1; seed <= 5; seed++) {
            List<Finding> shuffled = new ArrayList<>(ReportFixtures.compromiseFindings());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(bytes(shuffled)).isEqualTo(first);
        }
    }

    @Test
    void lineEndsAreNewlinesOnlyAndTheFileEndsWithOne() {
        String text = new JsonReportWriter().toJson(ReportFixtures.compromiseReport());

        assertThat(text).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void unusualMatchedValuesStillGiveValidJson() throws IOException {
        Map<String, Object> matched = new java.util.LinkedHashMap<>();
        matched.put("bytes", new byte[] {1, 2, 3});
        matched.put("list", List.of("a", 1, true));
        matched.put("nothing", null);
        matched.put("nan", Double.NaN);
        matched.put("object", new Object() {
            @Override
            public String toString() {
                return "custom";
            }
        });
        Finding finding = new Finding(ReportFixtures.COMMUNITY_MEDIUM, "exhunt", null,
                new SourceRef("x", 1, -1, 0), matched, null);
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        JsonNode written = json(report).get("findings").get(0).get("matched");

        assertThat(written.get("bytes").asText()).isEqualTo("AQID");
        assertThat(written.get("list").toString()).isEqualTo("[\"a\",1,true]");
        assertThat(written.get("nothing").isNull()).isTrue();
        assertThat(written.get("nan").asText()).isEqualTo("NaN");
        assertThat(written.get("object").asText()).isEqualTo("custom");
        Iterator<String> names = written.fieldNames();
        assertThat(names.next()).isEqualTo("bytes");
    }

    @Test
    void unpairedSurrogatesInEvidenceAreEscapedAndReadBackUnchanged() throws IOException {
        Finding finding = new Finding(ReportFixtures.COMMUNITY_HIGH, "sigma", null,
                SourceRef.ofLine("p\uD800x", 1, 0), Map.of("k", "\uDC00"), new Actor(null, null, "ua\uD83D"));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        String text = new JsonReportWriter().toJson(report);
        JsonNode written = MAPPER.readTree(text).get("findings").get(0);

        assertThat(text).contains("\"p\\uD800x\"");
        assertThat(written.get("source").get("path").asText()).isEqualTo("p\uD800x");
        assertThat(written.get("actor").get("user_agent").asText()).isEqualTo("ua\uD83D");
    }

    private static byte[] bytes(List<Finding> findings) throws IOException {
        ScanReport report = ScanReport.builder().tool("exhunt", "0.1.0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.mixedCoverage()).findings(findings).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        return out.toByteArray();
    }
}
