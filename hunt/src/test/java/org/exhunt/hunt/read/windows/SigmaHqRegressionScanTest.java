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
 * SigmaHQ's conformance set through the whole scanner: every case's recorded events (the
 * evtx_dump JSON beside its {@code info.yml}) are scanned in one run with SigmaHQ's rules, our
 * Windows logsource mapping choosing which rules see which event, and without the built-in pack.
 * Each case's rule must match exactly {@code match_count} events (at least one when none is
 * given). This is what SigmaHQ's own CI checks, with exhunt's mapping instead of theirs.
 */
class SigmaHqRegressionScanTest {

    private static final List<String> RULE_FOLDERS = List.of("rules", "rules-emerging-threats", "rules-threat-hunting");
    /** At least this share of the cases must pass. */
    private static final double FLOOR = 0.95;

    private record Case(Path folder, String ruleId, Integer expected, Path json) { }

    @Test
    void sigmahq_rules_match_each_regression_case_the_stated_number_of_times() throws IOException {
        Path data = corpusFolder("sigma/regression_data");
        List<Case> cases = new ArrayList<>();
        List<String> notWindows = new ArrayList<>();
        readCases(data, cases, notWindows);
        assertThat(cases).as("evtx regression cases under %s", data).hasSizeGreaterThan(150);

        List<Path> rules = new ArrayList<>();
        for (String f : RULE_FOLDERS) rules.add(corpusFolder("sigma/" + f));
        List<Path> inputs = cases.stream().map(Case::json).toList();
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
        for (Case c : cases) {
            int n = hits.getOrDefault(key(c.json().toString()) + "|" + c.ruleId(), 0);
            boolean ok = c.expected() == null ? n >= 1 : n == c.expected();
            if (!ok) {
                failures.add(data.relativize(c.folder()) + ": rule " + c.ruleId() + " matched " + n + " times, expected "
                        + (c.expected() == null ? "at least 1" : c.expected()) + " (file read as "
                        + kinds.get(key(c.json().toString())) + ")");
            }
        }
        int passed = cases.size() - failures.size();
        double seconds = (result.finished().toEpochMilli() - result.started().toEpochMilli()) / 1000.0;
        System.out.printf("SigmaHQ regression data through the scanner: %d of %d evtx cases pass (%.1f%%); "
                        + "%d events, %d Sigma rules, %.1f s for the whole scan including rule compilation%n",
                passed, cases.size(), 100.0 * passed / cases.size(), result.events(),
                result.ruleCounts().get("sigma"), seconds);
        notWindows.forEach(s -> System.out.println("  (not an evtx case: " + s + ")"));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat((double) passed / cases.size())
                .as("share of regression cases passing; failures:%n%s", String.join("\n", failures))
                .isGreaterThanOrEqualTo(FLOOR);
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
                boolean evtx = false;
                Integer expected = null;
                if (tests instanceof List<?> list) {
                    for (Object t : list) {
                        Map<String, Object> test = (Map<String, Object>) t;
                        evtx |= "evtx".equals(test.get("type"));
                        if (test.get("match_count") instanceof Number n) expected = n.intValue();
                    }
                }
                if (!evtx) {
                    skipped.add(data.relativize(info.getParent()) + ": declares no evtx test");
                    continue;
                }
                Path json;
                try (Stream<Path> files = Files.list(info.getParent())) {
                    json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
                }
                if (json == null) fail("regression case " + info.getParent() + " has no .json events beside its info.yml");
                cases.add(new Case(info.getParent(), ruleId, expected, json));
            }
        }
    }
}
