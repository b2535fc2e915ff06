package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * SigmaHQ's conformance set through the whole scanner: every case's recorded events, both the
 * EVTX file and its evtx_dump JSON beside its {@code info.yml}, are scanned in one run with
 * SigmaHQ's rules, our Windows logsource mapping choosing which rules see which event, and
 * without the built-in pack. Each case's rule must match exactly {@code match_count} events (at
 * least one when none is given), in each of the two files. This is what SigmaHQ's own CI checks,
 * with exhunt's mapping instead of theirs.
 */
class SigmaHqRegressionScanTest {

    private static final List<String> RULE_FOLDERS = List.of("rules", "rules-emerging-threats", "rules-threat-hunting");
    /** At least this share of the cases must pass. */
    private static final double FLOOR = 0.95;

    private record Case(Path folder, String ruleId, Integer expected, Path json, Path evtx) { }

    @Test
    void sigmahq_rules_match_each_regression_case_the_stated_number_of_times() throws IOException {
        Path data = corpusFolder("sigma/regression_data");
        List<Case> cases = new ArrayList<>();
        List<String> notWindows = new ArrayList<>();
        readCases(data, cases, notWindows);
        assertThat(cases).as("evtx regression cases under %s", data).hasSizeGreaterThan(150);

        List<Path> rules = new ArrayList<>();
        for (String f : RULE_FOLDERS) rules.add(corpusFolder("sigma/" + f));
        List<Path> inputs = new ArrayList<>();
        for (Case c : cases) {
            inputs.add(c.json());
            inputs.add(c.evtx());
        }
        ScanOptions options = new ScanOptions(inputs, rules, false, null, null, 2, Level.INFORMATIONAL);
        ScanResult result = new Scanner().scan(options, ScanListener.NONE);

        Map<Path, String> kinds = new HashMap<>();
        for (FileCoverage c : result.coverage()) kinds.put(key(c.path()), c.kind() + " " + c.status());
        Map<String, Integer> hits = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.source() == null) continue;
            hits.merge(key(f.source().path()) + "|" + f.rule().id(), 1, Integer::sum);
        }

        List<String> failures = new ArrayList<>();
        int[] passed = {0, 0};
        for (Case c : cases) {
            for (int form = 0; form < 2; form++) {
                Path file = form == 0 ? c.json() : c.evtx();
                int n = hits.getOrDefault(key(file.toString()) + "|" + c.ruleId(), 0);
                boolean ok = c.expected() == null ? n >= 1 : n == c.expected();
                if (ok) {
                    passed[form]++;
                } else {
                    failures.add(data.relativize(file) + ": rule " + c.ruleId() + " matched " + n + " times, expected "
                            + (c.expected() == null ? "at least 1" : c.expected()) + " (file read as "
                            + kinds.get(key(file.toString())) + ")");
                }
            }
        }
        double seconds = (result.finished().toEpochMilli() - result.started().toEpochMilli()) / 1000.0;
        System.out.printf("SigmaHQ regression data through the scanner: %d of %d evtx cases pass from the JSON exports "
                        + "(%.1f%%), %d of %d from the EVTX files; %d events, %d Sigma rules, %.1f s for the whole scan "
                        + "including rule compilation%n",
                passed[0], cases.size(), 100.0 * passed[0] / cases.size(), passed[1], cases.size(), result.events(),
                result.ruleCounts().get("sigma"), seconds);
        notWindows.forEach(s -> System.out.println("  (not an evtx case: " + s + ")"));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat((double) Math.min(passed[0], passed[1]) / cases.size())
                .as("share of regression cases passing; failures:%n%s", String.join("\n", failures))
                .isGreaterThanOrEqualTo(FLOOR);
    }

    private static Path beside(Path info, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(info.getParent())) {
            Path p = files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            if (p == null) fail("regression case " + info.getParent() + " has no " + suffix + " file beside its info.yml");
            return p;
        }
    }

    private static Path key(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static Path corpusFolder(String relative) {
        Path p = CorpusFiles.root().resolve(relative);
        if (!Files.isDirectory(p)) fail("corpus folder missing: " + p + " (set -Dexhunt.corpus to the shared corpus folder)");
        return p;
    }

    @SuppressWarnings("unchecked")
    static void readCases(Path data, List<Case> cases, List<String> skipped) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path info : walk.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList()) {
                Map<String, Object> doc = yaml.load(Files.readString(info));
                String ruleId = String.valueOf(((List<Map<String, Object>>) doc.get("rule_metadata")).get(0).get("id"));
                Object tests = doc.get("regression_tests_info");
                boolean evtxTest = false;
                Integer expected = null;
                if (tests instanceof List<?> list) {
                    for (Object t : list) {
                        Map<String, Object> test = (Map<String, Object>) t;
                        evtxTest |= "evtx".equals(test.get("type"));
                        if (test.get("match_count") instanceof Number n) expected = n.intValue();
                    }
                }
                if (!evtxTest) {
                    skipped.add(data.relativize(info.getParent()) + ": declares no evtx test");
                    continue;
                }
                Path json = beside(info, ".json");
                Path evtx = beside(info, ".evtx");
                cases.add(new Case(info.getParent(), ruleId, expected, json, evtx));
            }
        }
    }
}
