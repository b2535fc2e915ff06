package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.exposure.BuildTable;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.verdict.Judgement;
import org.exhunt.hunt.verdict.Verdict;
import org.junit.jupiter.api.Test;

class RemediationTest {

    /** A small table of 2016: CU18 with its March and July 2021 updates, and a later CU. */
    private static final BuildTable TABLE = BuildTable.parse(String.join("\n",
            "product,cu,name,build,released,kind,fixes",
            "2016,CU18,Exchange Server 2016 CU18,15.1.2106.2,2020-09-15,CU,",
            "2016,CU18,Exchange Server 2016 CU18 Mar21SU,15.1.2106.13,2021-03-02,SU,CVE-2021-26855 CVE-2021-27065",
            "2016,CU18,Exchange Server 2016 CU18 Jul21SU,15.1.2106.17,2021-07-13,SU,CVE-2021-34473",
            "2016,CU21,Exchange Server 2016 CU21,15.1.2308.8,2021-06-29,CU,CVE-2021-26855 CVE-2021-27065 CVE-2021-34473",
            ""), "test table");

    private static final RuleRef LSASS = new RuleRef("lsass", "Process memory dumped with comsvcs.dll MiniDump",
            Level.CRITICAL, List.of("attack.credential-access", "attack.t1003.001"));
    private static final RuleRef EXPORT = new RuleRef("export", "Mailbox export to a web folder", Level.CRITICAL,
            List.of("attack.persistence", "attack.t1505.003", "cve.2021-31207"));
    private static final RuleRef OAB = new RuleRef("oab", "Virtual directory URL set to script markup", Level.CRITICAL,
            List.of("attack.persistence", "cve.2021-27065"));
    private static final RuleRef FILE_WRITE = new RuleRef("write", "Exchange process wrote a script file", Level.CRITICAL,
            List.of("attack.persistence", "attack.t1505.003"));

    private static List<String> ids(List<RemediationItem> items) {
        return items.stream().map(RemediationItem::id).toList();
    }

    private static RemediationItem item(List<RemediationItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no step '" + id + "' in " + ids(items)));
    }

    private static ScanReport report(Exposure exposure, List<Finding> findings) {
        return ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).exposure(exposure).findings(findings).build();
    }

    private static Finding event(RuleRef rule, String field, String value) {
        return new Finding(rule, "sigma", ReportFixtures.T0, new SourceRef("Security.evtx", -1, 42, -1),
                Map.of(field, value), Actor.UNKNOWN);
    }

    @Test
    void cleanReportGetsOnlyPatchAndKeepLogs() {
        ScanReport clean = report(Exposure.UNKNOWN, List.of());

        assertThat(ids(Remediation.of(clean, TABLE))).containsExactly("patch", "keep-logs");
    }

    @Test
    void patchNamesTheNewestBuildOfTheProductAndTheQuickerUpdateOnTheSameCu() {
        Exposure open = new Exposure("15.1.2106.2", "registry", List.of("CVE-2021-26855", "CVE-2021-27065"));

        RemediationItem patch = item(Remediation.of(report(open, List.of()), TABLE), "patch");

        assertThat(patch.title()).isEqualTo("Patch Exchange to build 15.1.2308.8");
        assertThat(patch.why()).contains("15.1.2106.2", "2 known exploited flaws");
        assertThat(patch.details()).anySatisfy(d -> assertThat(d).startsWith("Install Exchange Server 2016 CU21 (15.1.2308.8"))
                .anySatisfy(d -> assertThat(d).contains("Exchange Server 2016 CU18 Jul21SU (15.1.2106.17"))
                .anySatisfy(d -> assertThat(d).isEqualTo("ProxyLogon: CVE-2021-26855, CVE-2021-27065"));
    }

    @Test
    void patchAsksForTheBuildWhenTheEvidenceNamesNone() {
        RemediationItem patch = item(Remediation.of(report(Exposure.UNKNOWN, List.of()), TABLE), "patch");

        assertThat(patch.title()).isEqualTo("Find the Exchange build and patch it");
        assertThat(patch.details()).anySatisfy(d -> assertThat(d).contains("exhunt exposure BUILD"));
    }

    @Test
    void patchedBuildIsToldToKeepPatching() {
        Exposure none = new Exposure("15.1.2308.8", "registry", List.of());

        assertThat(item(Remediation.of(report(none, List.of()), TABLE), "patch").title()).isEqualTo("Keep Exchange patched");
    }

    @Test
    void webShellFilesFoundOnDiskAndWrittenByAProcessAreListedWithQuarantine() {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(ReportFixtures.WEBSHELL_YARA, "yara", null,
                new SourceRef("inetpub/wwwroot/aspnet_client/system_web/x.aspx", -1, -1, 0),
                Map.of("sha256", "ab12"), Actor.UNKNOWN));
        findings.add(event(FILE_WRITE, "TargetFilename", "C:\\Program Files\\Microsoft\\Exchange Server\\V15"
                + "\\FrontEnd\\HttpProxy\\owa\\auth\\shell.aspx"));

        RemediationItem shells = item(Remediation.of(report(Exposure.UNKNOWN, findings), TABLE), "remove-web-shells");

        assertThat(shells.title()).isEqualTo("Quarantine and remove 2 files");
        assertThat(shells.details()).contains("inetpub/wwwroot/aspnet_client/system_web/x.aspx (sha256 ab12)",
                "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\shell.aspx");
        assertThat(shells.details()).anySatisfy(d -> assertThat(d).contains("exhunt quarantine REPORT --to DIR"));
    }

    @Test
    void fileAProcessWroteAndItsCopyInTheEvidenceAreOneWebShell() {
        List<Finding> findings = List.of(
                new Finding(ReportFixtures.WEBSHELL_YARA, "yara", null,
                        new SourceRef("case/inetpub/wwwroot/aspnet_client/hjkzrp.aspx", -1, -1, 0),
                        Map.of("sha256", "cd34"), Actor.UNKNOWN),
                event(FILE_WRITE, "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\hjkzrp.aspx"));

        RemediationItem shells = item(Remediation.of(report(Exposure.UNKNOWN, findings), TABLE), "remove-web-shells");

        assertThat(shells.title()).isEqualTo("Quarantine and remove 1 file");
        assertThat(shells.details()).contains("C:\\inetpub\\wwwroot\\aspnet_client\\hjkzrp.aspx (sha256 cd34); its copy"
                + " in the evidence: case/inetpub/wwwroot/aspnet_client/hjkzrp.aspx");
    }

    @Test
    void exportWithoutItsCommandInTheFindingPointsToTheEventAndTakesTheFileItWrote() {
        RuleRef replicationWrote = new RuleRef("mrs", "Mailbox Replication service wrote a script file (mailbox export"
                + " web shell)", Level.CRITICAL, List.of("attack.persistence", "attack.t1505.003"));
        List<Finding> findings = List.of(
                new Finding(EXPORT, "sigma", ReportFixtures.T0, new SourceRef("mgmt.ndjson", 6, -1, 0),
                        Map.of("context.Computer", "EXCH19"), Actor.UNKNOWN),
                new Finding(replicationWrote, "sigma", ReportFixtures.T0, new SourceRef("mgmt.ndjson", 7, -1, 0),
                        Map.of("TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\e.aspx"), Actor.UNKNOWN));

        RemediationItem review = item(Remediation.of(report(Exposure.UNKNOWN, findings), TABLE), "review-mailbox-exports");

        assertThat(review.details()).contains(
                "Export file: C:\\inetpub\\wwwroot\\aspnet_client\\e.aspx — remove it once copied for the responders.")
                .anySatisfy(d -> assertThat(d).startsWith("Read the export command at mgmt.ndjson:6:"))
                .noneSatisfy(d -> assertThat(d).contains("mgmt.ndjson:7"));
    }

    @Test
    void webPathThatAnsweredAsAShellAsksForItsFileUnlessTheFileWasFound() {
        ActorChain chain = ChainFixtures.attacker("ua", "/aspnet_client/system_web/y.aspx");
        ScanReport onlyPath = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .chains(List.of(chain)).build();
        ScanReport withFile = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(new Finding(ReportFixtures.WEBSHELL_YARA, "yara", null,
                        new SourceRef("/evidence/inetpub/wwwroot/aspnet_client/system_web/y.aspx", -1, -1, 0),
                        Map.of(), Actor.UNKNOWN))
                .chains(List.of(chain)).build();

        assertThat(item(Remediation.of(onlyPath, TABLE), "remove-web-shells").details())
                .anySatisfy(d -> assertThat(d).startsWith("Web path /aspnet_client/system_web/y.aspx answered"));
        assertThat(item(Remediation.of(withFile, TABLE), "remove-web-shells").details())
                .noneSatisfy(d -> assertThat(d).startsWith("Web path"));
    }

    @Test
    void credentialDumpCallsForResettingEveryCachedCredentialAndTheChainsAccounts() {
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addFinding(event(LSASS, "CommandLine", "rundll32 C:\\windows\\system32\\comsvcs.dll MiniDump 620 l.dmp full"))
                .chains(List.of(ChainFixtures.attacker("ua", "/aspnet_client/a.aspx"))).build();

        RemediationItem reset = item(Remediation.of(report, TABLE), "reset-credentials");

        assertThat(reset.why()).contains("LSASS");
        assertThat(reset.details()).anySatisfy(d -> assertThat(d).startsWith("Every domain account"))
                .contains("Account seen in the attack: CONTOSO\\administrator");
    }

    @Test
    void noCredentialStepWithoutCredentialAccessOrACompromisedAccount() {
        ScanReport probed = report(Exposure.UNKNOWN, ReportFixtures.compromiseFindings().subList(0, 2));

        assertThat(ids(Remediation.of(probed, TABLE))).doesNotContain("reset-credentials");
    }

    @Test
    void mailboxExportsNameTheExportFilesAndMailboxes() {
        Finding export = event(EXPORT, "Payload", "New-MailboxExportRequest -Mailbox 'jane@contoso.com' -FilePath "
                + "\"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\e.aspx\" -IncludeFolders '#Drafts#'");

        RemediationItem review = item(Remediation.of(report(Exposure.UNKNOWN, List.of(export)), TABLE),
                "review-mailbox-exports");

        assertThat(review.details()).contains(
                "Export file: \\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\e.aspx — remove it once copied for the responders.",
                "Mailbox exported: jane@contoso.com — treat its content as read.");
    }

    @Test
    void oabChangeCallsForCheckingTheOabVirtualDirectory() {
        Finding oab = event(OAB, "S:CMD", "Set-OabVirtualDirectory -ExternalUrl 'http://f/<script>'");

        assertThat(ids(Remediation.of(report(Exposure.UNKNOWN, List.of(oab)), TABLE))).contains("check-oab");
        assertThat(ids(Remediation.of(report(Exposure.UNKNOWN, List.of(event(LSASS, "CommandLine", "x"))), TABLE)))
                .doesNotContain("check-oab");
    }

    @Test
    void addressesOfSeriousChainsAreBlockedAndInternalOnesLookedBehind() {
        ScanReport report = ChainFixtures.reportWith(List.of(ChainFixtures.attacker("ua", "/a.aspx"),
                ChainFixtures.bare("45.77.1.2", 3, "low")));

        RemediationItem block = item(Remediation.of(report, TABLE), "block-addresses");

        assertThat(block.details()).anySatisfy(d -> assertThat(d).startsWith("Block " + ReportFixtures.ATTACKER + " ("))
                .anySatisfy(d -> assertThat(d).startsWith("Internal 10.0.0.20 ("))
                .noneSatisfy(d -> assertThat(d).contains("45.77.1.2"));
    }

    @Test
    void inconclusiveVerdictCallsForMoreEvidenceNamingTheFilesThatFailed() {
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.mixedCoverage())
                .judgement(new Judgement(Verdict.INCONCLUSIVE, List.of("No web log could be read.")))
                .build();

        RemediationItem hunt = item(Remediation.of(report, TABLE), "hunt-further");

        assertThat(hunt.details()).contains("No web log could be read.")
                .anySatisfy(d -> assertThat(d).startsWith("Read again or collect anew: logs/broken.log (failed"));
    }

    @Test
    void logsBeginningAfterExploitationOfAnOpenFlawCallForOlderLogs() {
        Exposure open = new Exposure("15.1.2106.2", "registry", List.of("CVE-2021-26855"));
        ScanReport report = report(open, ReportFixtures.compromiseFindings());
        assertThat(report.retention().reachesBack()).as("retention check of logs from March 2021").isFalse();
        assertThat(report.judgement().verdict()).isEqualTo(Verdict.COMPROMISED);

        RemediationItem hunt = item(Remediation.of(report, TABLE), "hunt-further");

        assertThat(hunt.why()).contains("The logs begin after attacks");
        assertThat(hunt.details()).anySatisfy(d -> assertThat(d).startsWith("Exploitation of CVE-2021-26855")
                .contains("Collect the older logs"));
    }

    @Test
    void keepLogsSaysWhichLogsAreShorterThanTheTarget() {
        RemediationItem keep = item(Remediation.of(report(Exposure.UNKNOWN, List.of()), TABLE), "keep-logs");

        assertThat(keep.title()).isEqualTo("Keep logs for at least " + Remediation.KEEP_LOG_DAYS + " days");
        assertThat(keep.details()).anySatisfy(d -> assertThat(d).startsWith("iis-w3c logs cover 2 days"));
    }

    @Test
    void stepsComeInWorkingOrder() {
        List<Finding> findings = new ArrayList<>(ReportFixtures.compromiseFindings());
        findings.add(event(LSASS, "CommandLine", "comsvcs MiniDump"));
        findings.add(event(OAB, "S:CMD", "Set-OabVirtualDirectory"));
        findings.add(event(EXPORT, "Payload", "New-MailboxExportRequest -FilePath x.aspx"));
        ScanReport report = ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.oneIisLog()).findings(findings)
                .chains(List.of(ChainFixtures.attacker("ua", "/a.aspx"))).build();

        assertThat(ids(Remediation.of(report, TABLE))).containsExactly("patch", "remove-web-shells", "check-oab",
                "reset-credentials", "review-mailbox-exports", "block-addresses", "keep-logs");
    }
}
