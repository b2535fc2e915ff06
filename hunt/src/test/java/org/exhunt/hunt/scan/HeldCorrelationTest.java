package org.exhunt.hunt.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sigma correlation whose events lie in two files fires when the files are hunted apart and the
 * held matches correlated together, exactly as when one scan reads both files.
 */
class HeldCorrelationTest {

    /** One request to /ecp/ per file, two minutes apart across midnight, from one address. */
    static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
            + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";
    static final String DAY_ONE = HEADER
            + "2021-03-02 23:59:00 10.0.0.5 GET /owa/ - 443 - 198.51.100.4 Mozilla/5.0 - 200 0 0 15\n"
            + "2021-03-02 23:59:30 10.0.0.5 GET /ecp/default.aspx - 443 - 203.0.113.9 Probe/1.0 - 200 0 0 15\n";
    static final String DAY_TWO = HEADER
            + "2021-03-03 00:01:30 10.0.0.5 GET /ecp/about.aspx - 443 - 203.0.113.9 Probe/1.0 - 200 0 0 15\n"
            + "2021-03-03 05:00:00 10.0.0.5 GET /ecp/late.aspx - 443 - 192.0.2.77 Other/2.0 - 200 0 0 15\n";
    static final String RULES = """
            title: Request to the Exchange control panel
            id: 5f0c3a8e-6d6e-4c55-9a53-1e7c1d4b2a01
            name: held_test_ecp_request
            status: test
            logsource:
              category: webserver
            detection:
              selection:
                cs-uri-stem|startswith: '/ecp/'
              condition: selection
            level: low
            ---
            title: Two control panel requests from one address within ten minutes
            id: 5f0c3a8e-6d6e-4c55-9a53-1e7c1d4b2a02
            status: test
            correlation:
              type: event_count
              rules:
                - held_test_ecp_request
              group-by:
                - c-ip
              timespan: 10m
              condition:
                gte: 2
            level: high
            """;
    static final String CORRELATION_ID = "5f0c3a8e-6d6e-4c55-9a53-1e7c1d4b2a02";

    @TempDir
    Path dir;

    @Test
    void heldMatchesOfFilesHuntedApartCorrelateAsOneScanOfBoth() throws IOException {
        Path server = Files.createDirectories(dir.resolve("EXCH01"));
        Path dayOne = Files.writeString(server.resolve("u_ex210302.log"), DAY_ONE);
        Path dayTwo = Files.writeString(server.resolve("u_ex210303.log"), DAY_TWO);
        ScanOptions options = options(server);
        List<Finding> scanned = correlations(new Scanner().scan(options, ScanListener.NONE).findings());

        FileHunter hunter = FileHunter.compile(options);
        List<HeldMatch> held = new ArrayList<>();
        List<FileHunter.Outcome> outcomes = new ArrayList<>();
        outcomes.addAll(hunter.hunt(List.of(dayTwo), held::add));
        outcomes.addAll(hunter.hunt(List.of(dayOne), held::add));
        List<Finding> perFile = new ArrayList<>();
        for (FileHunter.Outcome o : outcomes) perFile.addAll(o.findings());
        outcomes.addAll(hunter.correlate(held));
        ScanResult merged = hunter.result(outcomes, null, null);

        assertThat(scanned).hasSize(1);
        assertThat(scanned.get(0).level()).isEqualTo(Level.HIGH);
        assertThat(correlations(perFile)).as("no file alone holds the correlation").isEmpty();
        assertThat(held).hasSize(3);
        assertThat(correlations(merged.findings())).isEqualTo(scanned);
        assertThat(merged.findings()).isEqualTo(new Scanner().scan(options, ScanListener.NONE).findings());
    }

    @Test
    void aHeldMatchCarriesTheCorrelatedFieldsAndTheActorOnly() throws IOException {
        Path server = Files.createDirectories(dir.resolve("EXCH01"));
        Path dayTwo = Files.writeString(server.resolve("u_ex210303.log"), DAY_TWO);
        FileHunter hunter = FileHunter.compile(options(server));
        List<HeldMatch> held = new ArrayList<>();

        hunter.hunt(List.of(dayTwo), held::add);

        assertThat(held).hasSize(2);
        assertThat(held.get(0).ruleId()).isEqualTo("5f0c3a8e-6d6e-4c55-9a53-1e7c1d4b2a01");
        assertThat(held.get(0).event().fields()).containsOnlyKeys("c-ip", "cs-user-agent")
                .containsEntry("c-ip", "203.0.113.9");
        assertThat(held.get(0).event().source().line()).isPositive();
    }

    @Test
    void aMatchHeldByAHunterWithOtherRulesIsRefusedNamingTheRule() throws IOException {
        Path server = Files.createDirectories(dir.resolve("EXCH01"));
        Path dayTwo = Files.writeString(server.resolve("u_ex210303.log"), DAY_TWO);
        List<HeldMatch> held = new ArrayList<>();
        FileHunter.compile(options(server)).hunt(List.of(dayTwo), held::add);
        FileHunter other = FileHunter.compile(new ScanOptions(List.of(server), List.of(), false, null, null, 1,
                Level.MEDIUM));

        assertThatThrownBy(() -> other.correlate(held))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5f0c3a8e-6d6e-4c55-9a53-1e7c1d4b2a01")
                .hasMessageContaining("u_ex210303.log");
    }

    private ScanOptions options(Path server) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("ecp-twice.yml"), RULES);
        return new ScanOptions(List.of(server), List.of(rules), false, null, null, 1, Level.MEDIUM);
    }

    private static List<Finding> correlations(List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().id().equals(CORRELATION_ID)).toList();
    }
}
