package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Windows event meets only the rules written for its logsource, chosen per event by the
 * scanner: one export mixes Sysmon, Security and Application events.
 */
class WindowsRuleSelectionTest {

    private static final String PROCESS_RULE = """
            title: cmd started
            id: 00000000-0000-4000-8000-000000000001
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '\\cmd.exe'
                condition: selection
            level: high
            """;
    private static final String LOGON_RULE = """
            title: logon
            id: 00000000-0000-4000-8000-000000000002
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: 4624
                condition: selection
            level: low
            """;
    private static final String REGISTRY_RULE = """
            title: run key
            id: 00000000-0000-4000-8000-000000000003
            logsource: {product: windows, category: registry_event}
            detection:
                selection:
                    TargetObject|contains: '\\CurrentVersion\\Run\\'
                condition: selection
            level: medium
            """;
    private static final String EXPORT = String.join("\n",
            "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":1,\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}",
            "{\"Channel\":\"Security\",\"EventID\":4688,\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}",
            "{\"Channel\":\"Security\",\"EventID\":4624,\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}",
            "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":13,\"EventType\":\"SetValue\","
                    + "\"TargetObject\":\"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\x\"}",
            "{\"Channel\":\"Application\",\"EventID\":1,\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\","
                    + "\"TargetObject\":\"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\x\"}",
            "");

    @TempDir
    Path dir;

    private Map<Long, List<String>> rulesByLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("process.yml"), PROCESS_RULE);
        Files.writeString(rules.resolve("logon.yml"), LOGON_RULE);
        Files.writeString(rules.resolve("registry.yml"), REGISTRY_RULE);
        Path export = Files.writeString(dir.resolve("events.json"), EXPORT);
        // Without the built-in pack: the logsource mapping is data, not a rule, and still applies.
        ScanResult r = new Scanner().scan(new ScanOptions(List.of(export), List.of(rules), false, null, null, 1,
                Level.INFORMATIONAL), ScanListener.NONE);
        assertThat(r.errors()).isEmpty();
        assertThat(r.coverage()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("windows-json");
            assertThat(c.events()).isEqualTo(5);
        });
        Map<Long, List<String>> out = new TreeMap<>();
        for (Finding f : r.findings()) {
            out.computeIfAbsent(f.source().line(), k -> new java.util.ArrayList<>()).add(f.rule().title());
        }
        return out;
    }

    @Test
    void eachEventMeetsOnlyTheRulesOfItsOwnLogsource() throws IOException {
        Map<Long, List<String>> hits = rulesByLine();
        assertThat(hits.get(1L)).as("Sysmon 1").containsExactly("cmd started");
        assertThat(hits.get(2L)).as("Security 4688 through its Image alias").containsExactly("cmd started");
        assertThat(hits.get(3L)).as("a logon never reaches a process_creation rule").containsExactly("logon");
        assertThat(hits.get(4L)).as("registry_event rules see Sysmon 13 (registry_set)").containsExactly("run key");
        assertThat(hits).as("an Application event meets neither").doesNotContainKey(5L);
    }
}
