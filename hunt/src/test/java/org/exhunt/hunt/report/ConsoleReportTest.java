package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void plainOutputStartsWithTheVerdictAndHasNoEscapeCodes() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);

        assertThat(text).doesNotContain("\u001b").doesNotContain(" \n");
        String[] lines = text.split("\n");
        assertThat(lines[2]).isEqualTo("VERDICT: COMPROMISED");
        assertThat(lines[3]).startsWith("  • China Chopper ASPX web shell: 1 file ");
        assertThat(lines[4]).startsWith("  • ProxyLogon SSRF succeeded (cve.2021-26855): 3 log events from 104.248.49.97");
    }

    @Test
    void plainOutputCountsFindingsPerLevel() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);

        assertThat(text).contains("Findings by level (6)\n"
                + "  critical           4\n"
                + "  high               1\n"
                + "  medium             0\n"
                + "  low                1\n"
                + "  informational      0\n");
    }

    @Test
    void colouredOutputPaintsTheVerdict() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), true);

        assertThat(text).contains("\u001b[1;97;41m VERDICT: COMPROMISED \u001b[0m");
    }

    @Test
    void chainsAreListedWithAddressesCountsTimesCvesAndTheStartOfTheirSummary() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);

        assertThat(text).contains("Attack chains (3)");
        assertThat(text).contains("\n    104.248.49.97 acted through ProxyLogon (CVE-2021-26855) from ");
        assertThat(text).containsPattern("104\\.248\\.49\\.97 +4 findings +critical 3, high 1 +"
                + "2021-03-03T02:10:06Z → 2021-03-03T02:10:20Z  CVE-2021-26855");
        assertThat(text).contains("(no address)");
    }

    @Test
    void topFindingsComeMostSevereFirstWithSourceAndActor() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);
        String top = text.substring(text.indexOf("Top findings"));

        assertThat(top.split("\n")[1]).startsWith("  critical").contains("2021-03-03T02:10:11Z",
                "ProxyLogon SSRF succeeded", "logs/W3SVC1/u_ex210303.log:41", "104.248.49.97");
    }

    @Test
    void coverageListsEveryFileThatWasNotFullyReadWithItsReason() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);

        assertThat(text).contains("Coverage: 4 files, 1500 events — read 1 partial 1 skipped 1 failed 1");
        assertThat(text).contains("  partial  logs/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG: line 301: truncated record (1 warning)");
        assertThat(text).contains("  skipped  notes.txt: not a log exhunt reads");
        assertThat(text).contains("  failed   logs/broken.log: line 1: no #Fields: header before data");
    }

    @Test
    void errorsAndTheExitHintCloseTheSummary() {
        String text = ConsoleReport.render(ReportFixtures.compromiseReport(), false);

        assertThat(text).contains("Errors (1)\n  rules/sigma/bad.yml: rules/sigma/bad.yml:7: unknown modifier 'contians'");
        assertThat(text).endsWith("Exit code 1: 5 findings at or above high (--fail-level). Full details: --json or --html.\n");
    }

    @Test
    void nothingAtTheFailLevelHintsExitZero() {
        ScanReport clean = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).build();

        String text = ConsoleReport.render(clean, false);

        assertThat(text).contains("\nVERDICT: CLEAN\n").endsWith("Exit code 0: no finding at or above high (--fail-level).\n");
    }

    @Test
    void longListsAreCappedWithAPointerToTheJsonReport() {
        List<Finding> findings = new ArrayList<>();
        List<FileCoverage> coverage = new ArrayList<>(ReportFixtures.oneIisLog());
        for (int i = 0; i < 25; i++) {
            findings.add(ReportFixtures.onLine(ReportFixtures.SSRF_ATTEMPT, ReportFixtures.T0.plusSeconds(i),
                    "u_ex.log", i + 1, "10.0.0." + i));
            coverage.add(FileCoverage.skipped("junk" + i + ".bin", "unknown", "not a log"));
        }
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(coverage).findings(findings).build();

        String text = ConsoleReport.render(report, false);

        assertThat(text).contains("  … 20 more (see --json)\n", "  … 15 more (see --json)\n");
        // A chain takes up to three lines (its numbers and two of summary), so five chains fit.
        assertThat(text.split("\n")).hasSizeLessThan(70);
    }

    @Test
    void terminalEscapesFromEvidenceAreNeutralised() {
        RuleRef rule = new RuleRef("r1", "Odd agent", Level.HIGH, List.of());
        Finding finding = new Finding(rule, "sigma", ReportFixtures.T0, SourceRef.ofLine("u\u001b]0;pwned\u0007.log", 1, 0),
                Map.of(), new Actor("1.1.1.1\u001b[31m", null, null));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).addFinding(finding).build();

        String text = ConsoleReport.render(report, false);

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").contains("u\\x1b]0;pwned\\x07.log:1");
    }

    @Test
    void sameReportRendersTheSameText() {
        assertThat(ConsoleReport.render(ReportFixtures.compromiseReport(), true))
                .isEqualTo(ConsoleReport.render(ReportFixtures.compromiseReport(), true));
    }
}
