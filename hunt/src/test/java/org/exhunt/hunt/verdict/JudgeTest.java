package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.report.ReportFixtures.ATTACKER;
import static org.exhunt.hunt.report.ReportFixtures.COMMUNITY_HIGH;
import static org.exhunt.hunt.report.ReportFixtures.COMMUNITY_MEDIUM;
import static org.exhunt.hunt.report.ReportFixtures.SCANNER;
import static org.exhunt.hunt.report.ReportFixtures.SSRF_ATTEMPT;
import static org.exhunt.hunt.report.ReportFixtures.SSRF_SUCCESS;
import static org.exhunt.hunt.report.ReportFixtures.T0;
import static org.exhunt.hunt.report.ReportFixtures.WEBSHELL_YARA;
import static org.exhunt.hunt.report.ReportFixtures.onFile;
import static org.exhunt.hunt.report.ReportFixtures.onLine;
import static org.exhunt.hunt.report.ReportFixtures.oneIisLog;

import java.time.Instant;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.FileCoverage;
import org.junit.jupiter.api.Test;

class JudgeTest {

    private static final String LOG = "logs/W3SVC1/u_ex210303.log";

    private static Finding at(RuleRef rule, long line) {
        return onLine(rule, T0.plusSeconds(line), LOG, line, ATTACKER);
    }

    @Test
    void successOutcomeMeansCompromised() {
        Judgement j = Judge.judge(List.of(at(SCANNER, 1), at(SSRF_SUCCESS, 2)), oneIisLog());

        assertThat(j.verdict()).isEqualTo(Verdict.COMPROMISED);
    }

    @Test
    void postExploitationOutcomeMeansCompromisedEvenAtLowLevel() {
        RuleRef dump = new RuleRef("lsass-dump", "LSASS dumped with comsvcs.dll", Level.LOW,
                List.of("attack.credential-access", "exhunt.outcome.post-exploitation"));

        assertThat(Judge.judge(List.of(at(dump, 5)), oneIisLog()).verdict()).isEqualTo(Verdict.COMPROMISED);
    }

    @Test
    void criticalYaraMatchOnAFileMeansAWebShellIsPresent() {
        Judgement j = Judge.judge(List.of(onFile(WEBSHELL_YARA, "yara", "wwwroot/x.aspx")), oneIisLog());

        assertThat(j.verdict()).isEqualTo(Verdict.COMPROMISED);
        assertThat(j.reasons().get(0)).contains("China Chopper ASPX web shell", "1 file", "wwwroot/x.aspx");
    }

    @Test
    void criticalIocMatchOnAFileMeansCompromisedButOnALogLineOnlyAnAttempt() {
        RuleRef hash = new RuleRef("ioc-sha256", "Known HAFNIUM web shell hash", Level.CRITICAL, List.of());

        assertThat(Judge.judge(List.of(onFile(hash, "ioc", "owa/auth/x.aspx")), oneIisLog()).verdict())
                .isEqualTo(Verdict.COMPROMISED);
        Finding onLogLine = new Finding(hash, "ioc", T0, org.exhunt.hunt.event.SourceRef.ofLine(LOG, 9, 0),
                java.util.Map.of(), null);
        assertThat(Judge.judge(List.of(onLogLine), oneIisLog()).verdict()).isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void highYaraMatchOnAFileIsNotYetACompromise() {
        RuleRef suspicious = new RuleRef("aspx_eval", "ASPX page evaluates request data", Level.HIGH, List.of());

        assertThat(Judge.judge(List.of(onFile(suspicious, "yara", "x.aspx")), oneIisLog()).verdict())
                .isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void attemptOutcomeMeansAttempted() {
        assertThat(Judge.judge(List.of(at(SSRF_ATTEMPT, 1)), oneIisLog()).verdict()).isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void reconOutcomeMeansAttemptedEvenAtLowLevel() {
        assertThat(Judge.judge(List.of(at(SCANNER, 1)), oneIisLog()).verdict()).isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void untaggedHighFindingMeansAttempted() {
        assertThat(Judge.judge(List.of(at(COMMUNITY_HIGH, 1)), oneIisLog()).verdict())
                .isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void untaggedMediumFindingLeavesTheVerdictClean() {
        Judgement j = Judge.judge(List.of(at(COMMUNITY_MEDIUM, 1)), oneIisLog());

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).anySatisfy(r -> assertThat(r).startsWith("1 finding below high"));
    }

    @Test
    void outcomeTagDecidesOverLevel() {
        RuleRef criticalRecon = new RuleRef("r", "Mass scanner", Level.CRITICAL, List.of("exhunt.outcome.recon"));

        assertThat(Judge.judge(List.of(at(criticalRecon, 1)), oneIisLog()).verdict())
                .isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void noFindingsInAReadWebLogIsClean() {
        Judgement j = Judge.judge(List.of(), oneIisLog());

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons().get(0)).contains("1200 events", "1 web log", "2021-03-02T02:10:11Z",
                "2021-03-04T02:10:11Z");
    }

    @Test
    void httpProxyLogAloneIsEnoughToJudge() {
        FileCoverage proxy = FileCoverage.read("HttpProxy/Owa/a.LOG", "exchange-httpproxy", 10, T0, T0);

        assertThat(Judge.judge(List.of(), List.of(proxy)).verdict()).isEqualTo(Verdict.CLEAN);
    }

    @Test
    void noWebLogReadIsInconclusive() {
        List<FileCoverage> coverage = List.of(
                FileCoverage.read("ECP/Server/ECPServer.log", "exchange-ecp-server", 50, T0, T0),
                FileCoverage.skipped("notes.txt", "unknown", "not a log exhunt reads"),
                FileCoverage.skipped("u_ex.log", "iis-w3c", "outside --since"));

        Judgement j = Judge.judge(List.of(at(COMMUNITY_MEDIUM, 1)), coverage);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).contains("No web log was read", "3 input files", "2 skipped");
    }

    @Test
    void everyInputFailingIsInconclusive() {
        List<FileCoverage> coverage = List.of(
                FileCoverage.failed("a.log", "iis-w3c", "permission denied"),
                FileCoverage.failed("b.log", "iis-w3c", "not gzip"));

        Judgement j = Judge.judge(List.of(), coverage);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).contains("Every input failed", "2 files", "a.log: permission denied");
    }

    @Test
    void noInputAtAllIsInconclusive() {
        assertThat(Judge.judge(List.of(), List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void findingsDecideEvenWhenNoWebLogWasRead() {
        List<FileCoverage> webFolderOnly = List.of(FileCoverage.read("wwwroot/x.aspx", "web-file", 0, null, null));

        assertThat(Judge.judge(List.of(at(SSRF_ATTEMPT, 1)), webFolderOnly).verdict())
                .isEqualTo(Verdict.ATTEMPTED);
        assertThat(Judge.judge(List.of(onFile(WEBSHELL_YARA, "yara", "x.aspx")), webFolderOnly).verdict())
                .isEqualTo(Verdict.COMPROMISED);
    }

    @Test
    void reasonNamesRuleCveCountAddressAndFirstTime() {
        List<Finding> findings = List.of(
                onLine(SSRF_SUCCESS, Instant.parse("2021-03-03T02:10:11Z"), LOG, 41, ATTACKER),
                onLine(SSRF_SUCCESS, Instant.parse("2021-03-03T02:10:15Z"), LOG, 42, ATTACKER),
                onLine(SSRF_SUCCESS, Instant.parse("2021-03-03T02:12:00Z"), LOG, 50, ATTACKER));

        Judgement j = Judge.judge(findings, oneIisLog());

        assertThat(j.reasons()).containsExactly("ProxyLogon SSRF succeeded (cve.2021-26855): 3 log events from "
                + "104.248.49.97, first 2021-03-03T02:10:11Z");
    }

    @Test
    void reasonListsAtMostThreeAddressesThenCountsTheRest() {
        List<Finding> findings = List.of(
                onLine(SSRF_ATTEMPT, T0, LOG, 1, "10.0.0.1"), onLine(SSRF_ATTEMPT, T0, LOG, 2, "10.0.0.2"),
                onLine(SSRF_ATTEMPT, T0, LOG, 3, "10.0.0.3"), onLine(SSRF_ATTEMPT, T0, LOG, 4, "10.0.0.4"),
                onLine(SSRF_ATTEMPT, T0, LOG, 5, "10.0.0.5"));

        assertThat(Judge.judge(findings, oneIisLog()).reasons().get(0))
                .contains("5 log events from 10.0.0.1, 10.0.0.2, 10.0.0.3 and 2 more");
    }

    @Test
    void compromiseReasonsNameOnlyTheDecidingFindings() {
        Judgement j = Judge.judge(List.of(at(SCANNER, 1), at(SSRF_SUCCESS, 2)), oneIisLog());

        assertThat(j.reasons()).hasSize(1);
        assertThat(j.reasons().get(0)).startsWith("ProxyLogon SSRF succeeded");
    }

    @Test
    void manyRulesAreCappedWithACountOfTheRest() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            RuleRef rule = new RuleRef("rule-" + i, "Probe " + i, Level.HIGH, List.of("exhunt.outcome.attempt"));
            findings.add(at(rule, i));
        }

        List<String> reasons = Judge.judge(findings, oneIisLog()).reasons();

        assertThat(reasons).hasSize(7);
        assertThat(reasons.get(6)).isEqualTo("… and 3 more rules (see findings).");
    }

    @Test
    void partlyReadOrFailedFilesAreNamedAsAGap() {
        List<FileCoverage> coverage = List.of(oneIisLog().get(0),
                FileCoverage.failed("b.log", "iis-w3c", "truncated gzip"));

        Judgement j = Judge.judge(List.of(), coverage);

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).contains("Not everything could be read: 1 file failed (see coverage).");
    }

    @Test
    void verdictWordsAreLowerCase() {
        assertThat(List.of(Verdict.values())).extracting(Verdict::word)
                .containsExactly("clean", "attempted", "compromised", "inconclusive");
    }
}
