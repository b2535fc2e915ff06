package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.chain.ChainFindings.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain;
import org.junit.jupiter.api.Test;

class ChainBuilderTest {

    private static final String SHELL = "/aspnet_client/system_web/sP7kQ2xw.aspx";
    private static final String W3WP = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";

    private static List<ActorChain> chains(List<Finding> findings) {
        return ChainBuilder.standard().build(findings);
    }

    private static ActorChain chainOf(List<ActorChain> chains, String address) {
        return chains.stream().filter(c -> c.addresses().contains(address)).findFirst().orElseThrow();
    }

    @Test
    void twoAddressesThatUseOneWebShellAreOneActor() {
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                request(SHELL_USE, T0.plusSeconds(60), "108.61.246.56", SHELL, 200),
                request(SHELL_USE, T0.plusSeconds(90), "104.140.114.110", SHELL, 200)));

        assertThat(chains).hasSize(2);
        ActorChain shellUsers = chainOf(chains, "108.61.246.56");
        assertThat(shellUsers.addresses()).containsExactlyInAnyOrder("108.61.246.56", "104.140.114.110");
        assertThat(shellUsers.webShells()).containsExactly(SHELL);
        assertThat(chainOf(chains, "167.99.168.251").addresses()).containsExactly("167.99.168.251");
    }

    @Test
    void probesThatFoundNoShellDoNotJoinTheirAddresses() {
        List<ActorChain> chains = chains(List.of(
                request(SHELL_USE, T0, "203.160.69.66", "/aspnet_client/discover.aspx", 404),
                request(SHELL_USE, T0.plusSeconds(5), "45.77.1.2", "/aspnet_client/discover.aspx", 404)));

        assertThat(chains).hasSize(2);
        assertThat(chains).allSatisfy(c -> assertThat(c.addresses()).hasSize(1));
    }

    @Test
    void theWebShellFoundOnDiskJoinsTheChainOfTheAddressThatRequestedIt() {
        List<ActorChain> chains = chains(List.of(
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                request(PROBE, T0.minusSeconds(600), "203.160.69.66", "/owa/auth/logon.aspx", 200),
                fileOnDisk("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\SP7KQ2XW.ASPX")));

        ActorChain actor = chainOf(chains, "108.61.246.56");
        assertThat(actor.findings()).isEqualTo(2);
        assertThat(actor.webShells()).contains(SHELL, "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\SP7KQ2XW.ASPX");
        assertThat(chains).noneMatch(c -> c.actor() == null);
    }

    @Test
    void aFileOnDiskThatNoOneRequestedStaysInTheChainWithoutAddress() {
        List<ActorChain> chains = chains(List.of(
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                fileOnDisk("inetpub/wwwroot/aspnet_client/other.aspx")));

        ActorChain last = chains.get(chains.size() - 1);
        assertThat(last.actor()).isNull();
        assertThat(last.addresses()).isEmpty();
        assertThat(last.webShells()).containsExactly("inetpub/wwwroot/aspnet_client/other.aspx");
    }

    @Test
    void theAddressWhoseExploitMadeTheServerWriteTheShellAndTheShellsUsersAreOneActor() {
        Finding oabWrite = new Finding(OAB_WRITE, "sigma", T0.plusSeconds(7),
                org.exhunt.hunt.event.SourceRef.ofLine("OABGenerator20210303-1.LOG", 10, 900),
                java.util.Map.of("context.Message", "Download failed and temporary file"
                        + " '\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\system_web\\sP7kQ2xw.aspx'"
                        + " needs to be removed."),
                org.exhunt.hunt.finding.Actor.UNKNOWN);
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                oabWrite,
                request(SHELL_USE, T0.plusSeconds(600), "108.61.246.56", SHELL, 200),
                fileOnDisk("inetpub/wwwroot" + SHELL)));

        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).addresses()).containsExactly("108.61.246.56", "167.99.168.251");
        assertThat(chains.get(0).webShells()).contains(
                "\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\system_web\\sP7kQ2xw.aspx");
    }

    @Test
    void aServiceWriteOfTheShellThatNoRequestExplainsJoinsTheShellsUsers() {
        Finding write = ChainFindings.fileWrite(SHELL_FILE, T0, "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeMailboxReplication.exe",
                "C:\\inetpub\\wwwroot\\aspnet_client\\hjkzrp.aspx");
        Finding use = request(SHELL_USE, T0.plusSeconds(150), "203.0.113.77", "/aspnet_client/hjkzrp.aspx", 200);

        List<ActorChain> chains = ChainBuilder.standard().build(List.of(write, use));

        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).addresses()).containsExactly("203.0.113.77");
        assertThat(chains.get(0).findings()).isEqualTo(2);
    }

    @Test
    void aPathInAClientsRequestDoesNotTieThatClientToTheShell() {
        Finding probe = new Finding(PROBE, "sigma", T0.plusSeconds(5),
                org.exhunt.hunt.event.SourceRef.ofLine(IIS, 900, 90_000),
                java.util.Map.of("cs-uri-stem", "/ecp/y.js",
                        "cs-uri-query", "f=C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\sP7kQ2xw.aspx"),
                new org.exhunt.hunt.finding.Actor("45.77.1.2", null, null));
        List<ActorChain> chains = chains(List.of(probe, request(SHELL_USE, T0, "108.61.246.56", SHELL, 200)));

        assertThat(chains).hasSize(2);
    }

    @Test
    void aShellStartedByW3wpJoinsTheActorThatUsedTheWebShellJustBefore() {
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0.minusSeconds(3_600), "167.99.168.251", "/ecp/y.js", 200),
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                process(SHELL_CHILD, T0.plusSeconds(1), W3WP, CMD, 4100, 3200, "cmd /c whoami")));

        ActorChain actor = chainOf(chains, "108.61.246.56");
        assertThat(actor.findings()).isEqualTo(2);
        assertThat(actor.tactics()).containsExactly("execution", "persistence");
        assertThat(chains).noneMatch(c -> c.actor() == null);
    }

    @Test
    void descendantsOfTheWebWorkerFollowTheirParentsActor() {
        List<ActorChain> chains = chains(List.of(
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                process(SHELL_CHILD, T0.plusSeconds(1), W3WP, CMD, 4100, 3200, "cmd /c procdump"),
                // Two hours later, beyond the window: only its parent process ties it to the actor.
                process(LSASS, T0.plusSeconds(7_200), CMD, "C:\\ProgramData\\procdump64.exe", 4200, 4100,
                        "procdump64.exe -accepteula -ma lsass.exe C:\\ProgramData\\l.dmp")));

        ActorChain actor = chainOf(chains, "108.61.246.56");
        assertThat(actor.findings()).isEqualTo(3);
        assertThat(actor.tactics()).contains("credential-access");
    }

    @Test
    void processesWithNoWebParentOrNoActorInTheWindowAreHostActivity() {
        List<ActorChain> chains = chains(List.of(
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                process(SHELL_CHILD, T0.plusSeconds(3_600), W3WP, CMD, 5100, 3200, "cmd /c whoami"),
                process(ARCHIVE, T0.plusSeconds(5), "C:\\Windows\\explorer.exe", "C:\\Program Files\\7-Zip\\7z.exe",
                        5200, 900, "7z a C:\\ProgramData\\out.7z")));

        ActorChain host = chains.get(chains.size() - 1);
        assertThat(host.actor()).isNull();
        assertThat(host.findings()).isEqualTo(2);
        assertThat(chainOf(chains, "108.61.246.56").findings()).isEqualTo(1);
    }

    @Test
    void theWindowCanBeNarrowed() {
        List<Finding> findings = List.of(
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                process(SHELL_CHILD, T0.plusSeconds(120), W3WP, CMD, 4100, 3200, "cmd /c whoami"));

        assertThat(ChainBuilder.standard().build(findings)).hasSize(1);
        assertThat(ChainBuilder.standard().window(java.time.Duration.ofSeconds(30)).build(findings)).hasSize(2);
    }

    @Test
    void addressesActingAsTheSameRealAccountAreOneActor() {
        List<ActorChain> chains = chains(List.of(
                byAccount(SSRF, T0, "167.99.168.251", "CONTOSO\\Administrator"),
                byAccount(SSRF, T0.plusSeconds(30), "10.0.0.20", "administrator@contoso.com"),
                byAccount(SSRF, T0.plusSeconds(40), "10.0.0.31", "CONTOSO\\HealthMailbox0a1b2c"),
                byAccount(SSRF, T0.plusSeconds(50), "10.0.0.32", "CONTOSO\\HealthMailbox0a1b2c"),
                byAccount(SSRF, T0.plusSeconds(60), "10.0.0.33", "NT AUTHORITY\\SYSTEM"),
                byAccount(SSRF, T0.plusSeconds(70), "10.0.0.34", "NT AUTHORITY\\SYSTEM")));

        assertThat(chains).hasSize(5);
        assertThat(chainOf(chains, "10.0.0.20").addresses()).containsExactlyInAnyOrder("167.99.168.251", "10.0.0.20");
        assertThat(chainOf(chains, "10.0.0.20").accounts()).containsExactly("CONTOSO\\Administrator");
        assertThat(chainOf(chains, "10.0.0.31").addresses()).containsExactly("10.0.0.31");
    }

    @Test
    void stagesComeInKillChainOrderWithTheirTechniques() {
        List<ActorChain> chains = chains(List.of(
                process(LSASS, T0.plusSeconds(3), W3WP, "C:\\ProgramData\\procdump64.exe", 4300, 3200, "procdump"),
                process(SHELL_CHILD, T0.plusSeconds(1), W3WP, CMD, 4100, 3200, "cmd /c whoami"),
                request(SHELL_USE, T0, "108.61.246.56", SHELL, 200),
                request(PROBE, T0.minusSeconds(60), "108.61.246.56", "/aspnet_client/", 200),
                request(SSRF, T0.minusSeconds(30), "108.61.246.56", "/ecp/y.js", 200)));

        ActorChain actor = chains.get(0);
        assertThat(actor.stages()).extracting(ActorChain.Stage::tactic).containsExactly(
                "reconnaissance", "initial-access", "execution", "persistence", "credential-access");
        assertThat(actor.stages().get(3).techniques()).containsExactly("T1505.003");
        assertThat(actor.stages().get(3).findings()).isEqualTo(2);
        assertThat(actor.stages().get(1).first()).isEqualTo(T0.minusSeconds(30));
    }

    @Test
    void repeatedRequestsOfOneRuleToOneTargetCollapseIntoOneStep() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 25; i++) findings.add(request(SHELL_USE, T0.plusSeconds(i * 10L), "108.61.246.56", SHELL, 200));
        findings.add(request(SSRF, T0.minusSeconds(5), "108.61.246.56", "/ecp/y.js", 200));

        List<ActorChain.Step> steps = chains(findings).get(0).steps();

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).ruleId()).isEqualTo("ssrf");
        ActorChain.Step shell = steps.get(1);
        assertThat(shell.count()).isEqualTo(25);
        assertThat(shell.time()).isEqualTo(T0);
        assertThat(shell.last()).isEqualTo(T0.plusSeconds(240));
        assertThat(shell.target()).isEqualTo(SHELL);
        assertThat(shell.tactic()).isEqualTo("persistence");
        assertThat(shell.evidence()).startsWith(IIS + ":");
    }

    @Test
    void theSummaryTellsWhoWhenWhichExploitChainWhatAndWhichShell() {
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0, "108.61.246.56", "/ecp/y.js", 200),
                request(SHELL_USE, T0.plusSeconds(60), "108.61.246.56", SHELL, 200),
                request(SHELL_USE, T0.plusSeconds(90), "104.140.114.110", SHELL, 200)));

        String summary = chains.get(0).summary();
        assertThat(summary)
                .startsWith("108.61.246.56 and 104.140.114.110 acted through ProxyLogon (CVE-2021-26855)"
                        + " from 2021-03-03T02:10:00Z to 2021-03-03T02:11:30Z.")
                .contains("initial access — ProxyLogon SSRF reached a back-end path (1 finding)")
                .contains("persistence — ASPX page under /aspnet_client answered (2 findings)")
                .contains("Web shell: " + SHELL + ".")
                .endsWith("User agent: python-requests/2.25.1.");
    }

    @Test
    void theSameFindingsInAnyOrderGiveTheSameChains() {
        List<Finding> findings = List.of(
                request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                request(SHELL_USE, T0.plusSeconds(60), "108.61.246.56", SHELL, 200),
                request(SHELL_USE, T0.plusSeconds(90), "104.140.114.110", SHELL, 200),
                fileOnDisk("inetpub/wwwroot" + SHELL),
                process(SHELL_CHILD, T0.plusSeconds(91), W3WP, CMD, 4100, 3200, "cmd /c whoami"));
        List<Finding> backwards = new ArrayList<>(findings);
        java.util.Collections.reverse(backwards);

        assertThat(chains(backwards)).isEqualTo(chains(findings));
    }

    @Test
    void resemblancesComeFromTheGivenCatalogWithTheChainsTechniques() {
        List<Collection<String>> asked = new ArrayList<>();
        Resemblance hafnium = new Resemblance("G0125", "HAFNIUM", 0.5, List.of("T1190", "T1505.003"));
        List<ActorChain> chains = ChainBuilder.standard().resemblances(ids -> {
            asked.add(ids);
            return List.of(hafnium);
        }).build(List.of(request(SSRF, T0, "108.61.246.56", "/ecp/y.js", 200),
                request(SHELL_USE, T0.plusSeconds(60), "108.61.246.56", SHELL, 200)));

        assertThat(asked).containsExactly(List.of("T1190", "T1505.003"));
        assertThat(chains.get(0).resembles()).containsExactly(hafnium);
        assertThat(chains(List.of(request(SSRF, T0, "108.61.246.56", "/ecp/y.js", 200))).get(0).resembles()).isEmpty();
    }

    @Test
    void aRequestTheServerRelayedToItsBackEndJoinsTheClientWhoseRequestItPassedOn() {
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                backEnd(SSRF, T0.plusSeconds(1), "10.0.0.20", "10.0.0.20", "python-requests/2.25.1", true),
                backEnd(PROBE, T0.plusSeconds(1), "10.0.0.20", "10.0.0.20", "python-requests/2.25.1", false)));

        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).addresses()).as("the server's own address is not the actor's")
                .containsExactly("167.99.168.251");
        assertThat(chains.get(0).findings()).isEqualTo(3);
    }

    @Test
    void aRelayedRequestWithNoMatchingClientRequestStandsForItsOwnActor() {
        List<ActorChain> chains = chains(List.of(
                request(SSRF, T0, "167.99.168.251", "/ecp/y.js", 200),
                backEnd(SSRF, T0.plusSeconds(1), "10.0.0.20", "10.0.0.20", "Mozilla/5.0", true),
                backEnd(SSRF, T0.plusSeconds(120), "10.0.0.21", "10.0.0.20", "python-requests/2.25.1", true)));

        assertThat(chains).hasSize(3);
        assertThat(chainOf(chains, "10.0.0.20").findings()).as("another user agent").isEqualTo(1);
        assertThat(chainOf(chains, "10.0.0.21").findings()).as("two minutes later").isEqualTo(1);
        assertThat(chainOf(chains, "167.99.168.251").addresses()).containsExactly("167.99.168.251");
    }

    @Test
    void theUserAgentMatchesWhetherIisWroteItsSpacesAsPlusOrNot() {
        Finding proxied = new Finding(SSRF, "sigma", T0, org.exhunt.hunt.event.SourceRef.ofLine("HttpProxy/Ecp/x.LOG", 3, 300),
                java.util.Map.of("UrlStem", "/ecp/y.js"), new org.exhunt.hunt.finding.Actor("167.99.168.251", null, "Mozilla/5.0 (X11)"));
        List<ActorChain> chains = chains(List.of(proxied,
                backEnd(SSRF, T0.plusMillis(400), "10.0.0.20", "10.0.0.20", "Mozilla/5.0+(X11)", true)));

        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).addresses()).containsExactly("167.99.168.251");
    }
}
