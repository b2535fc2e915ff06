package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * SigmaHQ's own conformance set: for each case, the named rule must match exactly
 * {@code match_count} of the recorded events (at least one when no count is given). The rule's
 * logsource selects events the way SigmaHQ's CI does, through the EventID and channel conditions
 * of {@code tests/thor.yml}.
 */
class SigmaHqRegressionTest {

    private record Case(Path info, String ruleId, Integer expected, Path json) { }

    @Test
    void sigmahq_regression_cases_match_the_expected_number_of_events() throws IOException {
        Path data = Corpus.path("sigma/regression_data");
        Map<String, Path> ruleFiles = ruleFilesById();
        ThorLogsources logsources = ThorLogsources.load(Corpus.path("sigma/tests/thor.yml"));
        List<Case> cases = cases(data);
        assertThat(cases).as("regression cases found").hasSizeGreaterThan(150);

        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Case c : cases) {
            String outcome = run(c, ruleFiles, logsources);
            if (outcome == null) {
                passed++;
            } else {
                failures.add(data.relativize(c.info().getParent()) + ": " + outcome);
            }
        }
        double rate = (double) passed / cases.size();
        System.out.printf("SigmaHQ regression data: %d of %d cases pass (%.1f%%)%n", passed, cases.size(), rate * 100);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(rate).as("pass rate; failures:%n%s", String.join("\n", failures)).isGreaterThanOrEqualTo(0.97);
    }

    /**
     * Real rules and real events: with every SigmaHQ rule in one matcher, literal prefiltering
     * must report exactly what evaluating every rule reports, for every recorded event.
     */
    @Test
    void prefiltering_all_sigmahq_rules_loses_no_match_on_the_regression_events() throws IOException {
        Path data = Corpus.path("sigma/regression_data");
        RuleLoader loader = new RuleLoader();
        for (String f : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            loader.addPath(Corpus.path("sigma/" + f));
        }
        RuleSet set = loader.load();
        Matcher fast = SigmaEngine.compile(set, Pipeline.none(), true, ItemCompiler.MODIFIERS).matcherFor(null);
        Matcher slow = SigmaEngine.compile(set, Pipeline.none(), false, ItemCompiler.MODIFIERS).matcherFor(null);
        int events = 0;
        int matches = 0;
        for (Case c : cases(data)) {
            if (c.json() == null) {
                continue;
            }
            for (Object r : MiniJson.readAll(Files.readString(c.json()))) {
                MapEvent e = RegressionEvents.flatten(r);
                List<String> expected = new ArrayList<>();
                slow.match(e, m -> expected.add(m.rule().id()));
                List<String> actual = new ArrayList<>();
                fast.match(e, m -> actual.add(m.rule().id()));
                assertThat(actual).as("rules matching %s (%s)", e, c.info()).isEqualTo(expected);
                events++;
                matches += expected.size();
            }
        }
        System.out.printf("prefilter check: %d events, %d rule matches, identical with and without prefiltering%n", events, matches);
        assertThat(events).isGreaterThan(200);
        assertThat(matches).isGreaterThan(200);
    }

    private static String run(Case c, Map<String, Path> ruleFiles, ThorLogsources logsources) throws IOException {
        Path ruleFile = ruleFiles.get(c.ruleId());
        if (ruleFile == null) {
            return "rule " + c.ruleId() + " not found in the rule folders";
        }
        RuleSet set = new RuleLoader().addPath(ruleFile).load();
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none());
        if (!engine.problems().isEmpty() || !set.problems().isEmpty()) {
            return "rule does not compile: " + set.problems() + engine.problems();
        }
        if (c.json() == null) {
            return "no .json events beside info.yml";
        }
        List<Object> records = MiniJson.readAll(Files.readString(c.json()));
        AtomicInteger hits = new AtomicInteger();
        Matcher m = engine.matcherFor(null);
        Logsource ruleSource = set.rules().get(0).logsource();
        for (Object r : records) {
            MapEvent event = RegressionEvents.flatten(r);
            if (!logsources.admits(ruleSource, event)) {
                continue;
            }
            m.match(event, hit -> {
                if (c.ruleId().equals(hit.rule().id())) {
                    hits.incrementAndGet();
                }
            });
        }
        boolean ok = c.expected() == null ? hits.get() >= 1 : hits.get() == c.expected();
        return ok ? null : "rule " + c.ruleId() + " (" + ruleFile.getFileName() + ") matched " + hits.get() + " of "
                + records.size() + " events, expected " + (c.expected() == null ? "at least 1" : c.expected());
    }

    private static Map<String, Path> ruleFilesById() {
        RuleLoader loader = new RuleLoader();
        for (String f : List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance",
                "rules-dfir", "rules-placeholder")) {
            loader.addPath(Corpus.path("sigma/" + f));
        }
        Map<String, Path> byId = new HashMap<>();
        for (SigmaRule r : loader.load().rules()) {
            if (r.id() != null) {
                byId.putIfAbsent(r.id(), Path.of(r.source()));
            }
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    private static List<Case> cases(Path data) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Case> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path info : walk.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList()) {
                Map<String, Object> doc = yaml.load(Files.readString(info));
                List<Map<String, Object>> meta = (List<Map<String, Object>>) doc.get("rule_metadata");
                String ruleId = String.valueOf(meta.get(0).get("id"));
                Integer expected = null;
                Object tests = doc.get("regression_tests_info");
                if (tests == null) {
                    System.out.println("  (no test declared in " + data.relativize(info) + ")");
                    continue;
                }
                boolean evtx = false;
                for (Map<String, Object> t : (List<Map<String, Object>>) tests) {
                    evtx |= "evtx".equals(t.get("type"));
                    if (t.get("match_count") instanceof Number n) {
                        expected = n.intValue();
                    }
                }
                if (!evtx) {
                    System.out.println("  (not an evtx case: " + data.relativize(info) + ")");
                    continue;
                }
                Path json;
                try (Stream<Path> files = Files.list(info.getParent())) {
                    json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
                } catch (UncheckedIOException e) {
                    json = null;
                }
                out.add(new Case(info, ruleId, expected, json));
            }
        }
        return out;
    }
}
