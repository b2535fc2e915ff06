package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every SigmaHQ rule folder loads and compiles, with true reasons for what does not. */
class SigmaHqCorpusTest {

    private static final List<String> FOLDERS = List.of("rules", "rules-emerging-threats", "rules-threat-hunting",
            "rules-compliance", "rules-dfir", "rules-placeholder");

    @Test
    void at_least_99_percent_of_sigmahq_rules_load_and_compile() {
        RuleLoader loader = new RuleLoader();
        for (String f : FOLDERS) {
            loader.addPath(Corpus.path("sigma/" + f));
        }
        long start = System.nanoTime();
        RuleSet set = loader.load();
        long loaded = System.nanoTime();
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none());
        long compiled = System.nanoTime();

        int documents = set.rules().size() + set.correlations().size() + set.filterCount() + set.problems().size();
        int good = engine.compiledRules() + set.correlations().size() + set.filterCount();
        System.out.printf("SigmaHQ corpus: %d files, %d documents: %d rules loaded, %d compiled, %d correlations, %d filters; "
                        + "load %d ms, compile %d ms%n", set.files(), documents, set.rules().size(), engine.compiledRules(),
                set.correlations().size(), set.filterCount(), (loaded - start) / 1_000_000, (compiled - loaded) / 1_000_000);
        GatedMatcher all = (GatedMatcher) engine.matcherFor(null);
        System.out.printf("literal prefilter: %d of %d rules are gated by literals%n", all.gatedRules(), all.ruleCount());
        report("load problems", set.problems());
        report("compile problems", engine.problems());

        assertThat(set.files()).as("files read").isGreaterThan(3000);
        assertThat(all.gatedRules()).as("most rules can be skipped by literal").isGreaterThan(all.ruleCount() / 2);
        assertThat((double) good / documents).as("share of documents that load and compile").isGreaterThanOrEqualTo(0.99);
    }

    /** Groups problems by their reason with quoted parts and numbers blurred, so kinds of failure stand out. */
    private static void report(String what, List<RuleProblem> problems) {
        System.out.printf("%s: %d%n", what, problems.size());
        Map<String, List<RuleProblem>> groups = problems.stream().collect(Collectors.groupingBy(
                p -> p.reason().replaceFirst("^'[^']*' → '[^']*': ", "").replaceAll("'[^']*'", "'…'").replaceAll("\\[[^\\]]*\\]$", "").replaceAll("\\d+", "N"), TreeMap::new, Collectors.toList()));
        groups.forEach((reason, list) -> {
            System.out.printf("  %3d × %s%n", list.size(), reason);
            list.stream().limit(3).forEach(p -> System.out.printf("        %s:%d: %s%n",
                    Path.of(p.source()).getFileName(), p.line(), p.reason()));
        });
    }
}
