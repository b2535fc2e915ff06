package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.ActorChain;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.Scanner;
import org.exhunt.hunt.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The example evidence folders scanned as {@code exhunt scan} does: their chains and verdicts. */
class ExampleChainsTest {

    private static ScanReport scan(String name) {
        String root = System.getProperty("exhunt.root");
        Path project = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path example = project.resolve("examples").resolve(name);
        if (!Files.isDirectory(example)) {
            throw new AssertionError("the example evidence folder is missing: " + example
                    + " (set system property exhunt.root to the project root)");
        }
        ScanOptions options = new ScanOptions(List.of(example), List.of(), true, null, null, 2, Level.MEDIUM);
        return ReportAssembler.assemble(new Scanner().scan(options, ScanListener.NONE), "test");
    }

    @Test
    void theCompromiseIsOneActorFromTheExploitThroughTheWrittenShellToItsUse() {
        ScanReport report = scan("proxylogon-compromised");

        ActorChain attacker = report.chains().get(0);
        // 167.99.168.251 made the server write the shell (the OAB generator names the file);
        // 108.61.246.56 drove it; the file itself was found on disk.
        assertThat(attacker.addresses()).containsExactlyInAnyOrder("167.99.168.251", "108.61.246.56");
        assertThat(attacker.webShells()).anyMatch(p -> p.endsWith("aspnet_client/system_web/sP7kQ2xw.aspx"))
                .contains("/aspnet_client/system_web/sP7kQ2xw.aspx");
        assertThat(attacker.stages()).extracting(ActorChain.Stage::tactic)
                .containsSubsequence("initial-access", "persistence");
        assertThat(attacker.cves()).contains("CVE-2021-26855", "CVE-2021-26858", "CVE-2021-27065");
        assertThat(attacker.summary()).contains("through ProxyLogon").contains("Web shells: ");
        assertThat(report.chains()).noneMatch(c -> c.actor() == null);
        // The back end logged the exploit's calls from the server's own address: they are the attacker's.
        assertThat(report.chains()).noneMatch(c -> c.addresses().contains("10.0.0.20"));
        // The scanner and the later prober are actors of their own.
        assertThat(report.chains()).anyMatch(c -> c.addresses().equals(List.of("203.160.69.66")))
                .anyMatch(c -> c.addresses().equals(List.of("104.250.191.110")));
    }

    @Test
    void theExampleVerdictsStandAndTheRetentionCheckSpeaks() {
        ScanReport compromised = scan("proxylogon-compromised");
        assertThat(compromised.judgement().verdict()).isEqualTo(Verdict.COMPROMISED);
        assertThat(compromised.retention().reachesBack()).isFalse();
        assertThat(compromised.judgement().reasons()).last().asString()
                .startsWith("The web logs begin 2021-03-03").contains("began on 2021-01-03");

        ScanReport clean = scan("busy-clean");
        assertThat(clean.judgement().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(clean.retention().windowChain()).isEqualTo("ProxyShell");
        assertThat(clean.retention().reachesBack()).isTrue();
    }
}
