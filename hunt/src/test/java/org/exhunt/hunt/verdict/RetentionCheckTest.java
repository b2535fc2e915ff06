package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;
import org.junit.jupiter.api.Test;

/** The log-retention check: do the logs reach back to when exploitation of the open CVEs began? */
class RetentionCheckTest {

    private static final Exposure PROXYLOGON_OPEN = new Exposure("15.1.2106.2", "registry export",
            List.of("CVE-2021-26855", "CVE-2021-27065", "CVE-2021-34473"));
    private static final Exposure PROXYSHELL_OPEN = new Exposure("15.1.2242.4", "registry export",
            List.of("CVE-2021-34473", "CVE-2022-41040"));
    private static final RuleRef SHELL_ON_DISK = new RuleRef("chopper", "China Chopper", Level.CRITICAL,
            List.of("attack.persistence", "attack.t1505.003"));

    private static List<FileCoverage> iisFrom(String first, String last) {
        return List.of(FileCoverage.read("u_ex.log", "iis-w3c", 500, Instant.parse(first), Instant.parse(last)));
    }

    @Test
    void cleanBecomesInconclusiveWhenTheWebLogsBeginAfterExploitationBegan() {
        Judgement j = Judge.judge(List.of(), iisFrom("2021-03-01T00:00:00Z", "2021-03-10T00:00:00Z"), PROXYLOGON_OPEN);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons().get(0)).isEqualTo("The web logs begin 2021-03-01 (IIS W3C 2021-03-01), after"
                + " exploitation of CVE-2021-26855 (ProxyLogon), open on this build, began on 2021-01-03: attacks"
                + " before the logs begin cannot be ruled out.");
        assertThat(j.reasons().get(1)).startsWith("No exploitation, probing or high-level rule matched");
    }

    @Test
    void cleanStaysCleanWhenAWebLogReachesBackToTheWindowStart() {
        List<FileCoverage> coverage = List.of(
                FileCoverage.read("old/u_ex.log", "iis-w3c", 10, Instant.parse("2021-01-03T23:00:00Z"),
                        Instant.parse("2021-01-04T00:00:00Z")),
                FileCoverage.read("HttpProxy.LOG", "exchange-httpproxy", 10, Instant.parse("2021-03-01T00:00:00Z"),
                        Instant.parse("2021-03-10T00:00:00Z")));

        Judgement j = Judge.judge(List.of(), coverage, PROXYLOGON_OPEN);

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).noneMatch(r -> r.contains("cannot be ruled out"));
    }

    @Test
    void theWindowStartsWithTheFirstExploitedOfTheOpenCves() {
        Retention r = Retention.of(iisFrom("2021-09-01T00:00:00Z", "2021-09-02T00:00:00Z"), PROXYSHELL_OPEN,
                ExploitationDates.builtIn());

        assertThat(r.windowStart()).isEqualTo(LocalDate.parse("2021-08-05"));
        assertThat(r.windowCve()).isEqualTo("CVE-2021-34473");
        assertThat(r.windowChain()).isEqualTo("ProxyShell");
        assertThat(r.reachesBack()).isFalse();
        assertThat(Retention.of(iisFrom("2021-08-05T10:00:00Z", "2021-09-02T00:00:00Z"), PROXYSHELL_OPEN,
                ExploitationDates.builtIn()).reachesBack()).isTrue();
    }

    @Test
    void logsOtherThanWebLogsDoNotCountAsReachingBack() {
        List<FileCoverage> coverage = List.of(
                FileCoverage.read("Security.evtx", "windows-evtx", 10, Instant.parse("2020-12-01T00:00:00Z"),
                        Instant.parse("2021-03-10T00:00:00Z")),
                FileCoverage.read("u_ex.log", "iis-w3c", 10, Instant.parse("2021-03-01T00:00:00Z"),
                        Instant.parse("2021-03-10T00:00:00Z")));

        Retention r = Retention.of(coverage, PROXYLOGON_OPEN, ExploitationDates.builtIn());

        assertThat(r.reachesBack()).isFalse();
        assertThat(r.logs()).extracting(Retention.LogSpan::kind).containsExactly("iis-w3c", "windows-evtx");
    }

    @Test
    void compromisedKeepsItsValueAndGainsTheRetentionReason() {
        Finding shell = new Finding(SHELL_ON_DISK, "yara", null, new SourceRef("x.aspx", -1, -1, -1),
                Map.of(), Actor.UNKNOWN);

        Judgement j = Judge.judge(List.of(shell), iisFrom("2021-03-01T00:00:00Z", "2021-03-10T00:00:00Z"),
                PROXYLOGON_OPEN);

        assertThat(j.verdict()).isEqualTo(Verdict.COMPROMISED);
        assertThat(j.reasons().get(0)).startsWith("China Chopper");
        assertThat(j.reasons()).last().asString().startsWith("The web logs begin 2021-03-01");
    }

    @Test
    void anUnknownBuildIsSaidInAReasonAndDoesNotFlipTheVerdict() {
        Judgement j = Judge.judge(List.of(), iisFrom("2021-03-01T00:00:00Z", "2021-03-10T00:00:00Z"), Exposure.UNKNOWN);

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).last().asString().isEqualTo("The server's Exchange build is not known, so whether the"
                + " logs reach back to the first attacks on its open CVEs was not checked (web logs begin 2021-03-01);"
                + " the earliest known, through ProxyLogon, began 2021-01-03.");
        assertThat(Retention.of(iisFrom("2021-03-01T00:00:00Z", "2021-03-10T00:00:00Z"), Exposure.UNKNOWN)
                .reachesBack()).isNull();
    }

    @Test
    void aBuildWithNoOpenCveHasNoWindowAndNoReason() {
        Exposure patched = new Exposure("15.2.1544.4", "registry export", List.of());
        Judgement j = Judge.judge(List.of(), iisFrom("2024-03-01T00:00:00Z", "2024-03-10T00:00:00Z"), patched);

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).hasSize(1);
    }

    @Test
    void logsThatEndBeforeTheWindowOpensAreSaidWithoutFlippingTheVerdict() {
        Judgement j = Judge.judge(List.of(), iisFrom("2021-06-14T00:00:00Z", "2021-06-14T23:59:00Z"), PROXYSHELL_OPEN);

        assertThat(j.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(j.reasons()).last().asString().isEqualTo("The web logs end 2021-06-14, before exploitation of"
                + " CVE-2021-34473 (ProxyShell), open on this build, began on 2021-08-05: they cannot show attacks"
                + " through it.");
    }

    @Test
    void withoutAWebLogTheVerdictIsInconclusiveForThatReasonAlone() {
        Judgement j = Judge.judge(List.of(), List.of(), PROXYLOGON_OPEN);

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reasons()).containsExactly("No input file was found, so nothing can be concluded.");
    }

    @Test
    void theBuiltInTableDatesEveryCveOfTheFourChains() {
        ExploitationDates dates = ExploitationDates.builtIn();

        assertThat(dates.of("CVE-2021-26855").began()).isEqualTo(LocalDate.parse("2021-01-03"));
        assertThat(dates.of("CVE-2021-34523").chain()).isEqualTo("ProxyShell");
        assertThat(dates.of("CVE-2022-41082").began()).isEqualTo(LocalDate.parse("2022-08-01"));
        assertThat(dates.of("CVE-2022-41080").chain()).isEqualTo("OWASSRF");
        assertThat(dates.first().cve()).isEqualTo("CVE-2021-26855");
        for (String cve : List.of("CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065", "CVE-2021-34473",
                "CVE-2021-31207", "CVE-2022-41040")) {
            assertThat(dates.of(cve)).as(cve).isNotNull();
        }
    }

    @Test
    void aMalformedTableIsRejectedWithItsLine() {
        String header = "cve,chain,exploitation_began,source\n";
        assertThatThrownBy(() -> ExploitationDates.parse(header + "CVE-2021-26855,ProxyLogon,January,x\n", "t.csv"))
                .hasMessage("t.csv line 2: date 'January' is not yyyy-mm-dd");
        assertThatThrownBy(() -> ExploitationDates.parse("cve,chain,source\n", "t.csv"))
                .hasMessage("t.csv line 1: expected the header cve,chain,exploitation_began,source");
        assertThatThrownBy(() -> ExploitationDates.parse(header + "CVE-1,ProxyLogon,2021-01-03,x\n", "t.csv"))
                .hasMessage("t.csv line 2: 'CVE-1' is not a CVE id");
        assertThat(ExploitationDates.parse(header + "CVE-2021-26855,ProxyLogon,2021-01-03,a, b and c\n", "t.csv")
                .of("CVE-2021-26855").source()).isEqualTo("a, b and c");
    }
}
