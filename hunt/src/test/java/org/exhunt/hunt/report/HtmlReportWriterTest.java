package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String SCRIPT = "<script>alert(document.cookie)</script>";

    private static String html(ScanReport report) {
        return new HtmlReportWriter().toHtml(report);
    }

    private static ScanReport hostileReport() {
        Map<String, Object> matched = new java.util.LinkedHashMap<>();
        matched.put("cs-uri-query", "x=\"><img src=x onerror=alert(1)>");
        Finding hostile = new Finding(ReportFixtures.SSRF_ATTEMPT, "sigma", ReportFixtures.T0,
                SourceRef.ofLine("logs/<b>u_ex.log", 3, 0), matched,
                new Actor("10.0.0.9", "a'b", "Mozilla/5.0 " + SCRIPT));
        return ScanReport.builder().tool("exhunt", "0.1.0").scan(ReportFixtures.scanInfo())
                .coverage(List.of(FileCoverage.failed("evil<script>.log", "iis-w3c", "bad " + SCRIPT)))
                .addFinding(hostile)
                .addError(new ScanError("rule.yml", SCRIPT))
                .build();
    }

    @Test
    void scriptInAUserAgentComesOutEscaped() {
        String page = html(hostileReport());

        assertThat(page).doesNotContain(SCRIPT);
        assertThat(page).contains("Mozilla/5.0 &lt;script&gt;alert(document.cookie)&lt;/script&gt;");
    }

    @Test
    void noEvidenceTextOpensAnElementOrAnAttribute() {
        String page = html(hostileReport());

        assertThat(page).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>u_ex")
                .doesNotContain("a'b").doesNotContain("onerror=alert(1)>");
        assertThat(page).contains("x=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page).contains("evil&lt;script&gt;.log");
    }

    @Test
    void controlCharactersFromEvidenceAreShownNotPassedThrough() {
        Finding finding = new Finding(ReportFixtures.COMMUNITY_HIGH, "sigma", ReportFixtures.T0,
                SourceRef.ofLine("u_ex.log", 1, 0), Map.of(), new Actor("1.2.3.4", null, "curl\u001b[2J\u0000"));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(finding).build();

        String page = html(report);

        assertThat(page).doesNotContain("\u001b").doesNotContain("\u0000").contains("curl\\x1b[2J\\x00");
    }

    @Test
    void pageIsSelfContainedWithoutScriptsOrExternalAssets() {
        String page = html(ReportFixtures.compromiseReport());

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>").contains("name=\"viewport\"");
        assertThat(page.toLowerCase()).doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("http://").doesNotContain("url(");
    }

    @Test
    void pageShowsVerdictReasonsLevelsActorsTimelineCoverageAndErrors() {
        String page = html(ReportFixtures.compromiseReport());

        assertThat(page).contains("class=\"banner compromised\"", ">compromised</div>",
                "ProxyLogon SSRF succeeded (cve.2021-26855)",
                "Findings by level", "Findings by client address", ReportFixtures.ATTACKER, "CVE-2021-26855",
                "Timeline", "logs/W3SVC1/u_ex210303.log:41",
                "Coverage", "logs/broken.log", "line 1: no #Fields: header before data",
                "Errors", "unknown modifier");
    }

    @Test
    void cleanReportSaysSoWithoutEmptyFindingTables() {
        ScanReport clean = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).build();

        String page = html(clean);

        assertThat(page).contains("class=\"banner clean\"").doesNotContain("<h2>Timeline</h2>");
    }

    @Test
    void sameInputInAnyOrderGivesTheSameBytes() throws IOException {
        byte[] first = bytes(ReportFixtures.compromiseFindings());
        List<Finding> shuffled = new ArrayList<>(ReportFixtures.compromiseFindings());
        Collections.shuffle(shuffled, new Random(7));

        assertThat(bytes(shuffled)).isEqualTo(first);
    }

    private static byte[] bytes(List<Finding> findings) throws IOException {
        ScanReport report = ScanReport.builder().tool("exhunt", "0.1.0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.mixedCoverage()).findings(findings).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("</html>\n");
        return out.toByteArray();
    }
}
