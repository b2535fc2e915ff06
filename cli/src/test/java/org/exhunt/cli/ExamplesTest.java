package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled examples are what a new user scans first: their verdicts are promises. */
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void compromisedExampleIsJudgedCompromisedWithProxyLogonCves() throws Exception {
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--json", report.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("COMPROMISED");
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/verdict/value").asText()).isEqualTo("compromised");
        List<String> tags = new ArrayList<>();
        r.get("findings").forEach(f -> f.at("/rule/tags").forEach(t -> tags.add(t.asText())));
        assertThat(tags).contains("cve.2021-26855", "cve.2021-27065");
        assertThat(r.at("/coverage/files")).allSatisfy(f ->
                assertThat(f.get("status").asText()).as(f.toString()).isIn("read", "skipped"));
    }

    @Test
    void proxyShellExampleIsCompromisedWithItsBuildItsStagesAndItsWebShell() throws Exception {
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", Cli.example("proxyshell-compromised").toString(), "--json", report.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/verdict/value").asText()).isEqualTo("compromised");
        assertThat(r.at("/exposure/build").asText()).isEqualTo("15.2.858.5");
        assertThat(r.at("/scan/host").asText()).as("the host the evidence names").isEqualTo("EXCH19");
        List<String> open = new ArrayList<>();
        r.at("/exposure/cves").forEach(c -> open.add(c.asText()));
        assertThat(open).contains("CVE-2021-34473", "CVE-2021-34523", "CVE-2021-31207")
                .doesNotContain("CVE-2021-26855");
        List<String> tags = new ArrayList<>();
        List<String> filesFlagged = new ArrayList<>();
        r.get("findings").forEach(f -> {
            f.at("/rule/tags").forEach(t -> tags.add(t.asText()));
            if (f.at("/source/line").isMissingNode() || f.at("/source/line").isNull()) {
                filesFlagged.add(f.at("/source/path").asText());
            }
        });
        assertThat(tags).as("every stage of the attack is tagged")
                .contains("attack.initial-access", "attack.execution", "attack.persistence",
                        "attack.credential-access", "cve.2021-34473", "cve.2021-31207");
        assertThat(filesFlagged).anySatisfy(p -> assertThat(p).endsWith("aspnet_client/hjkzrp.aspx"));
        List<List<String>> chainAddresses = new ArrayList<>();
        r.get("chains").forEach(c -> {
            List<String> addresses = new ArrayList<>();
            c.get("addresses").forEach(a -> addresses.add(a.asText()));
            chainAddresses.add(addresses);
        });
        assertThat(chainAddresses).as("the two addresses that drove one web shell are one actor")
                .anySatisfy(a -> assertThat(a).contains("203.0.113.77", "192.0.2.45"));
        for (String attacker : List.of("198.51.100.23", "203.0.113.77", "192.0.2.45")) {
            assertThat(chainAddresses.stream().filter(a -> a.contains(attacker)).count())
                    .as("%s is in exactly one chain", attacker).isEqualTo(1);
        }
        assertThat(r.at("/retention/reaches_back").asBoolean(true))
                .as("logs of one day do not reach back to the start of ProxyShell exploitation").isFalse();
        assertThat(r.at("/coverage/files")).allSatisfy(f ->
                assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("read"));
    }

    @Test
    void owassrfExampleIsOnlyAttemptedOnAPatchedBuild() throws Exception {
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", Cli.example("owassrf-attempted").toString(), "--json", report.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/verdict/value").asText()).isEqualTo("attempted");
        assertThat(r.at("/exposure/build").asText()).isEqualTo("15.1.2507.16");
        assertThat(r.at("/scan/host").asText()).as("the host the Windows events name").isEqualTo("MBX16");
        assertThat(r.at("/exposure/cves")).isEmpty();
        List<String> addresses = new ArrayList<>();
        r.get("findings").forEach(f -> addresses.add(f.at("/actor/ip").asText()));
        assertThat(addresses).contains("198.51.100.80", "203.0.113.9", "192.0.2.200");
        r.get("findings").forEach(f ->
                assertThat(f.at("/rule/level").asText()).as(f.toString()).isNotEqualTo("critical"));
        assertThat(r.at("/coverage/files")).allSatisfy(f ->
                assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("read"));
    }

    @Test
    void busyCleanExampleIsCleanWithNothingAboveLow() throws Exception {
        Path report = tmp.resolve("r.json");
        Cli.Run run = Cli.run("scan", Cli.example("busy-clean").toString(), "--json", report.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.at("/verdict/value").asText()).isEqualTo("clean");
        assertThat(r.at("/scan/events").asLong()).isGreaterThan(1000);
        r.get("findings").forEach(f ->
                assertThat(f.at("/rule/level").asText()).as(f.toString()).isIn("informational", "low"));
    }
}
