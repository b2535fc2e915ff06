package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compromised example's report in a real browser (headless Debian chromium): its script runs
 * without errors, the policy blocks nothing the page needs, and the filters read from the address
 * hide exactly the rows they should.
 */
class HtmlReportBrowserTest {

    private static final Pattern ROW = Pattern.compile("<tr data-level=\"([a-z]+)\"[^>]*>");
    private static final List<String> BROWSER_ERRORS = List.of("Uncaught", "ERROR:CONSOLE", "Refused to",
            "Content Security Policy", "Content-Security-Policy");

    @TempDir
    static Path work;
    static ScanReport report;
    static String page;

    @BeforeAll
    static void scanTheCompromisedExample() throws Exception {
        report = compromisedExampleReport();
        Path html = work.resolve("report.html");
        Files.writeString(html, new HtmlReportWriter().toHtml(report));
        page = html.toUri().toString();
    }

    /** Scans examples/proxylogon-compromised as {@code exhunt scan} does. */
    static ScanReport compromisedExampleReport() {
        Path example = projectRoot().resolve("examples").resolve("proxylogon-compromised");
        if (!Files.isDirectory(example)) {
            throw new AssertionError("the example evidence folder is missing: " + example
                    + " (set system property exhunt.root to the project root)");
        }
        ScanOptions options = new ScanOptions(List.of(example), List.of(), true, null, null, 2, Level.MEDIUM);
        return ReportAssembler.assemble(new Scanner().scan(options, new ScanListener() { }), "test");
    }

    static Path projectRoot() {
        String root = System.getProperty("exhunt.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    private static String rowText(org.exhunt.hunt.finding.Finding f) {
        StringBuilder text = new StringBuilder(f.rule().title()).append(' ').append(f.rule().id()).append(' ')
                .append(f.source());
        f.matched().forEach((name, value) -> text.append(' ').append(name).append(" = ").append(value));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static void assertNoBrowserErrors(HeadlessChromium.Run run) {
        for (String line : run.log().split("\n")) {
            for (String error : BROWSER_ERRORS) {
                assertThat(line).as("browser log line").doesNotContain(error);
            }
        }
    }

    private static List<String> visibleRowLevels(String dom) {
        List<String> levels = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            if (!m.group().contains(" hidden")) levels.add(m.group(1));
        }
        return levels;
    }

    @Test
    void reportRendersWithoutScriptErrorsAndTheScriptRunsToTheEnd() throws Exception {
        HeadlessChromium.Run run = HeadlessChromium.in(work).dumpDom(page);

        assertNoBrowserErrors(run);
        assertThat(run.stdout()).contains("data-ready=\"1\"").contains("<form id=\"filters\" class=\"filters\">")
                .contains("of " + report.findings().size() + " findings shown");
        assertThat(visibleRowLevels(run.stdout())).hasSize(report.findings().size());
    }

    @Test
    void levelFilterInTheAddressShowsOnlyThoseRows() throws Exception {
        long critical = report.findings().stream().filter(f -> f.level() == Level.CRITICAL).count();
        assertThat(critical).as("critical findings in the example").isPositive().isLessThan(report.findings().size());

        HeadlessChromium.Run run = HeadlessChromium.in(work).dumpDom(page + "#level=critical");

        assertNoBrowserErrors(run);
        assertThat(visibleRowLevels(run.stdout())).hasSize((int) critical).containsOnly("critical");
        assertThat(run.stdout()).contains("data-shown=\"" + critical + "\"");
    }

    @Test
    void engineAndTextFiltersCombine() throws Exception {
        // The text filter reads the whole row: title, rule id, evidence, client and matched values.
        long yaraChopper = report.findings().stream()
                .filter(f -> f.engine().equals("yara") && rowText(f).contains("chopper")).count();
        assertThat(yaraChopper).isPositive();

        HeadlessChromium.Run run = HeadlessChromium.in(work).dumpDom(page + "#engine=yara&q=chopper");

        assertNoBrowserErrors(run);
        assertThat(run.stdout()).contains("data-shown=\"" + yaraChopper + "\"");
    }
}
