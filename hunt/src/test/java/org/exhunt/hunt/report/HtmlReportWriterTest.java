package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String SCRIPT = "<script>alert(document.cookie)</script>";
    private static final String BREAKOUT = "\" onmouseover=\"alert(1)";
    private static final Pattern SCRIPT_ELEMENT = Pattern.compile("(?is)<script\\b[^>]*>(.*?)</script>");

    private static String html(ScanReport report) {
        return new HtmlReportWriter().toHtml(report);
    }

    private static ScanReport hostileReport() {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("cs-uri-query", "x=\"><img src=x onerror=alert(1)>");
        RuleRef hostileRule = new RuleRef("id" + BREAKOUT, "Title " + SCRIPT, Level.HIGH,
                List.of("attack.initial-access"));
        Finding hostile = new Finding(ReportFixtures.SSRF_ATTEMPT, "sigma", ReportFixtures.T0,
                SourceRef.ofLine("logs/<b>u_ex.log", 3, 0), matched,
                new Actor("10.0.0.9" + BREAKOUT, "a'b", "Mozilla/5.0 " + SCRIPT));
        Finding byHostileRule = new Finding(hostileRule, "sigma" + BREAKOUT, ReportFixtures.T0,
                SourceRef.ofLine("logs/u_ex.log", 4, 0), Map.of(), Actor.UNKNOWN);
        ActorChain chain = ChainFixtures.attacker("UA " + SCRIPT, "/aspnet_client/" + SCRIPT + ".aspx");
        return ScanReport.builder().tool("exhunt", "0.1.0").scan(ReportFixtures.scanInfo())
                .coverage(List.of(FileCoverage.failed("evil<script>.log", "iis-w3c", "bad " + SCRIPT)))
                .addFinding(hostile)
                .addFinding(byHostileRule)
                .chains(List.of(chain))
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

        assertThat(page).doesNotContain("<img").doesNotContain("<b>u_ex").doesNotContain("a'b")
                .doesNotContain("onerror=alert(1)>").doesNotContain(BREAKOUT);
        assertThat(page).contains("x=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page).contains("evil&lt;script&gt;.log");
        assertThat(page).contains("data-address=\"10.0.0.9&quot; onmouseover=&quot;alert(1)\"");
    }

    @Test
    void theOnlyScriptElementIsThePagesOwnFilterScript() {
        String page = html(hostileReport());

        Matcher m = SCRIPT_ELEMENT.matcher(page);
        List<String> scripts = new ArrayList<>();
        while (m.find()) scripts.add(m.group(1));
        assertThat(scripts).containsExactly(HtmlAssets.SCRIPT);
        assertThat(page.toLowerCase(Locale.ROOT).split("<script", -1)).hasSize(2);
    }

    @Test
    void contentSecurityPolicyAllowsExactlyTheInlinedStyleAndScript() throws Exception {
        String page = html(ReportFixtures.compromiseReport());

        String csp = page.substring(page.indexOf("Content-Security-Policy\" content=\"") + 34);
        csp = csp.substring(0, csp.indexOf('"'));
        assertThat(csp).startsWith("default-src 'none';")
                .contains("script-src '" + sha256(HtmlAssets.SCRIPT) + "'")
                .contains("style-src '" + sha256(HtmlAssets.CSS) + "'")
                .doesNotContain("unsafe-inline").doesNotContain("http");
        assertThat(page).contains("<style>" + HtmlAssets.CSS + "</style>");
    }

    @Test
    void pageReferencesNothingOutsideItself() {
        String page = html(hostileReport()) + html(ReportFixtures.compromiseReport());

        String lower = page.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<link").doesNotContain("@import").doesNotContain("<iframe")
                .doesNotContain("<img").doesNotContain("<object");
        Matcher refs = Pattern.compile("(?i)\\b(?:src|href|action|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(page);
        while (refs.find()) {
            assertThat(refs.group(1)).as("a reference in the page").startsWith("#");
        }
        Matcher urls = Pattern.compile("(?i)url\\(([^)]*)\\)").matcher(HtmlAssets.CSS);
        while (urls.find()) {
            assertThat(urls.group(1)).as("a url() in the style sheet").startsWith("data:");
        }
        assertThat(HtmlAssets.SCRIPT).doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("fetch(").doesNotContain("XMLHttpRequest").doesNotContain("import(");
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
    void topOfThePageIsVerdictReasonsAndWhatToDoNow() {
        String page = html(ReportFixtures.compromiseReport());

        int banner = page.indexOf("class=\"banner compromised\"");
        int now = page.indexOf("<h2>What to do now</h2>");
        int exposure = page.indexOf("<h2>Exposure</h2>");
        assertThat(banner).isPositive();
        assertThat(now).isGreaterThan(banner);
        assertThat(exposure).isGreaterThan(now);
        assertThat(page.substring(banner, now)).contains("ProxyLogon SSRF succeeded (cve.2021-26855)");
        assertThat(page.substring(now, exposure)).contains("<a href=\"#step-patch\">")
                .contains("<a href=\"#step-remove-web-shells\">");
    }

    @Test
    void pageShowsEverySectionOfACompromise() {
        String page = html(ReportFixtures.compromiseReport());

        assertThat(page).contains(">compromised</div>", "<h2>Actors</h2>", ReportFixtures.ATTACKER,
                "<h2>Findings</h2>", "id=\"findings\"", "logs/W3SVC1/u_ex210303.log:41",
                "<h2>Remediation checklist</h2>", "id=\"step-keep-logs\"",
                "<h2>Coverage</h2>", "<h3>Retention</h3>", "logs/broken.log", "line 1: no #Fields: header before data",
                "<h2>Errors</h2>", "unknown modifier");
    }

    @Test
    void exposureListsOpenCvesUnderTheirAttackChains() {
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .exposure(new Exposure("15.1.2106.2", "registry export x.reg line 3",
                        List.of("CVE-2021-26855", "CVE-2021-34473", "CVE-2022-41082")))
                .build();

        String page = html(report);

        assertThat(page).contains("<td>ProxyLogon</td><td>CVE-2021-26855</td>",
                "<td>ProxyShell</td><td>CVE-2021-34473</td>", "<td>ProxyNotShell / OWASSRF</td><td>CVE-2022-41082</td>",
                "Patch Exchange to build 15.1.");
    }

    @Test
    void actorIsToldAsAStoryWithStagesChartStepsAndAnAttributionCaveat() {
        String page = html(ChainFixtures.reportWith(List.of(ChainFixtures.attacker("python-requests/2.25.1",
                "/aspnet_client/system_web/x.aspx"))));

        assertThat(page).contains("exploited ProxyLogon and dumped LSASS", "<dt>User agents</dt>",
                "python-requests/2.25.1", "CONTOSO\\administrator", "<h4>Stages</h4>", "T1505.003",
                "<svg viewBox=", "<h4>Steps</h4>", "logs/W3SVC1/u_ex210303.log:640",
                "Similar techniques to <b>HAFNIUM</b> (G0125): 60 % overlap", "Similarity, not attribution");
        assertThat(page).as("the legend names only the lanes the chart draws (the undated step is not in it)")
                .doesNotContain("<span class=\"swatch tac-other\">");
        assertThat(page).as("ATT&CK names beside the ids, credited")
                .contains("<b>Initial Access</b>", "T1190 Exploit Public-Facing Application",
                        "T1505.003 Server Software Component: Web Shell", "MITRE ATT&amp;CK® Enterprise");
    }

    @Test
    void findingRowsCarryWhatTheFiltersReadAndTheFormStaysHiddenWithoutScript() {
        String page = html(ReportFixtures.compromiseReport());

        assertThat(page).contains("<form id=\"filters\" class=\"filters\" hidden>",
                "<tr data-level=\"critical\" data-engine=\"sigma\" data-rule=\"" + ReportFixtures.SSRF_SUCCESS.id()
                        + "\" data-address=\"" + ReportFixtures.ATTACKER + "\">",
                "<option value=\"" + ReportFixtures.SCANNER.id() + "\">Exchange version probe</option>",
                "<option>yara</option>");
    }

    @Test
    void findingsTableStopsAtItsCapAndSaysHowManyAreLeftOut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i <= FindingsSection.MAX_ROWS; i++) {
            many.add(ReportFixtures.onLine(ReportFixtures.SCANNER, ReportFixtures.T0.plusSeconds(i), "u.log", i + 1, "1.2.3.4"));
        }
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .findings(many).build();

        String page = html(report);

        assertThat(page.split("<tr data-level=", -1)).hasSize(FindingsSection.MAX_ROWS + 1);
        assertThat(page).contains("The table stops at " + FindingsSection.MAX_ROWS + " findings; 1 more are in the JSON report.");
    }

    @Test
    void cleanReportSaysSoWithoutFindingTablesOrActors() {
        ScanReport clean = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).build();

        String page = html(clean);

        assertThat(page).contains("class=\"banner clean\"", "No rule matched.")
                .doesNotContain("id=\"findings\"").doesNotContain("<h2>Actors</h2>");
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

    private static String sha256(String text) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(d);
    }
}
