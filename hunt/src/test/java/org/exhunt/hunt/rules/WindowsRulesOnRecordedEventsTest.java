package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.exhunt.evtx.EvtxReader;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.SigmaRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows rules over real recordings nobody wrote for them: SigmaHQ's regression events and
 * the public attack-technique EVTX samples of the corpus, scanned with only
 * {@code rules/sigma/windows} loaded. Every finding must be one listed here with the reason it
 * is right; a new finding (a false positive, or a new true one) fails until it is understood and
 * listed, and a listed one that disappears fails too.
 */
class WindowsRulesOnRecordedEventsTest {

    /** A finding that is right: which recording, which rule, and why. */
    private record Explained(String recording, String rule, String why) {
        String key() {
            return recording + " -> " + rule;
        }
    }

    /**
     * SigmaHQ's regression events: none of them shows the Exchange campaigns' tradecraft (they
     * record one technique each, chosen for SigmaHQ's own rules), and none should trip ours.
     */
    private static final List<Explained> EXPLAINED_REGRESSION = List.of();

    private static final List<Explained> EXPLAINED_EVTX = List.of(
        new Explained("EVTX-ATTACK-SAMPLES/Lateral Movement/LM_typical_IIS_webshell_sysmon_1_10_traces.evtx",
            "proc_creation_w3wp_spawns_shell.yml", "w3wp.exe starts \"cmd.exe /c net user\": a web shell running a command"),
        new Explained("EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx",
            "proc_creation_lsass_dump_comsvcs.yml", "rundll32 comsvcs.dll, MiniDump <pid> ... full (here of notepad, the same technique)"),
        new Explained("EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_11_outlfank_dumpert_and_andrewspecial_memdump.evtx",
            "proc_access_lsass_memory_read.yml", "rundll32 running the Dumpert DLL opens LSASS with full rights"),
        new Explained("EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_11_lsass_memdump.evtx",
            "proc_access_lsass_memory_read.yml", "procdump.exe opens LSASS with full rights"),
        new Explained("EVTX-ATTACK-SAMPLES/Credential Access/sysmon_2x10_lsass_with_different_pid_RtlCreateProcessReflection.evtx",
            "proc_access_lsass_memory_read.yml", "procdump and procdump64 open LSASS with full rights"),
        new Explained("EVTX-ATTACK-SAMPLES/AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx",
            "proc_creation_lsass_dump_procdump.yml", "cmd.exe /c \"procdump.exe -accepteula -ma lsass.exe lsass_dump.dmp\""),
        new Explained("hayabusa-sample-evtx/EVTX-to-MITRE-Attack/TA0006-Credential Access/T1003-Credential dumping/"
                + "ID800-4103-4104-LSASS dump with LSASSY (PowerShell).evtx",
            "ps_classic_lsass_dump_comsvcs.yml", "powershell.exe -C rundll32 comsvcs.dll, MiniDump (Get-Process lsass).Id ... full"),
        new Explained("hayabusa-sample-evtx/EVTX-to-MITRE-Attack/TA0006-Credential Access/T1003-Credential dumping/"
                + "ID800-4103-4104-LSASS dump with LSASSY (PowerShell).evtx",
            "ps_script_lsass_dump_comsvcs.yml", "the same command in a 4104 script block")
    );

    @Test
    void sigmaHqRegressionEventsRaiseOnlyTheExplainedWindowsFindings() throws IOException {
        Path data = corpusFolder("sigma/regression_data");
        List<Path> inputs = filesEndingWith(data, ".json");
        assertThat(inputs).as("evtx_dump JSON files under %s", data).hasSizeGreaterThan(150);

        assertThat(findings(inputs, data)).as("Windows rule findings on SigmaHQ's regression events")
                .containsExactlyInAnyOrderElementsOf(keys(EXPLAINED_REGRESSION));
    }

    @Test
    void attackSampleRecordingsRaiseOnlyTheExplainedWindowsFindings(@TempDir Path work) throws IOException {
        Path evtx = corpusFolder("evtx");
        List<Path> samples = filesEndingWith(evtx, ".evtx");
        assertThat(samples).as("EVTX samples under %s", evtx).hasSizeGreaterThan(300);

        // The scanner reads JSON exports; the evtx module renders each record the way evtx_dump does.
        List<Path> inputs = new ArrayList<>();
        Map<Path, Path> origin = new HashMap<>();
        for (Path sample : samples) {
            Path json = work.resolve(inputs.size() + ".json");
            exportAsJsonLines(sample, json);
            inputs.add(json);
            origin.put(json, sample);
        }
        List<String> found = new ArrayList<>();
        for (String f : findings(inputs, null)) {
            int arrow = f.indexOf(" -> ");
            Path sample = origin.get(Path.of(f.substring(0, arrow)));
            found.add(evtx.relativize(sample).toString().replace('\\', '/') + f.substring(arrow));
        }
        assertThat(found).as("Windows rule findings on the attack-technique EVTX samples")
                .containsExactlyInAnyOrderElementsOf(keys(EXPLAINED_EVTX));
    }

    private static List<String> keys(List<Explained> explained) {
        return explained.stream().map(Explained::key).toList();
    }

    /**
     * Every (file, rule) pair the Windows rules find, as "file -> rule file", once each; the file
     * is the case folder relative to {@code base} when given, else the scanned file's path.
     */
    private static Set<String> findings(List<Path> inputs, Path base) {
        Path windowsRules = RulePack.sigmaFolder().resolve("windows");
        Map<String, String> fileById = new HashMap<>();
        for (SigmaRule r : new RuleLoader().addPath(windowsRules).load().rules()) {
            fileById.put(r.id(), Path.of(r.source()).getFileName().toString());
        }
        ScanOptions options = new ScanOptions(inputs, List.of(windowsRules), false, null, null, 2, Level.INFORMATIONAL);
        ScanResult result = new Scanner().scan(options, ScanListener.NONE);
        assertThat(result.events()).as("events read").isGreaterThan(200);

        Set<String> found = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.source() == null || !fileById.containsKey(f.rule().id())) continue;
            Path file = Path.of(f.source().path());
            String where = base == null ? file.toString() : base.relativize(file.getParent()).toString().replace('\\', '/');
            found.add(where + " -> " + fileById.get(f.rule().id()));
        }
        System.out.println("Windows rule findings over " + inputs.size() + " files, " + result.events() + " events:");
        found.forEach(f -> System.out.println("  " + f));
        return found;
    }

    private static void exportAsJsonLines(Path evtx, Path json) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            EvtxReader.sequential().read(evtx, record -> {
                try {
                    out.write(record.toJsonLine());
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<Path> filesEndingWith(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(suffix)).sorted().toList();
        }
    }

    private static Path corpusFolder(String relative) {
        Path p = CorpusFiles.root().resolve(relative);
        if (!Files.isDirectory(p)) {
            fail("corpus folder missing: " + p + " (set -Dexhunt.corpus to the shared corpus folder)");
        }
        return p;
    }
}
