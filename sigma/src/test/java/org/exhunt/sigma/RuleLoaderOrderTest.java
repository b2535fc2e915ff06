package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files are read on all cores, yet the rule set is the one reading them one by one gives: rules,
 * correlations and problems in input order, whatever thread read which file.
 */
class RuleLoaderOrderTest {

    private static final List<String> FOLDERS = List.of("sigma/rules", "sigma/rules-emerging-threats",
            "sigma/rules-threat-hunting");

    @Test
    void loadingTheCorpusAtOnceGivesWhatLoadingItFileByFileInPathOrderGives() throws IOException {
        RuleLoader atOnce = new RuleLoader().addText("first.yml", "title: [unclosed");
        RuleLoader byFile = new RuleLoader();
        List<String> expectedRules = new ArrayList<>();
        List<String> expectedCorrelations = new ArrayList<>();
        List<RuleProblem> expectedProblems = new ArrayList<>();
        expect(new RuleLoader().addText("first.yml", "title: [unclosed").load(),
                expectedRules, expectedCorrelations, expectedProblems);
        int files = 1;
        for (String folder : FOLDERS) {
            Path root = Corpus.path(folder);
            atOnce.addPath(root);
            for (Path file : yamlFilesInPathOrder(root)) {
                expect(new RuleLoader().addPath(file).load(), expectedRules, expectedCorrelations, expectedProblems);
                files++;
            }
        }
        Path missing = Path.of("no-such-rules-folder");
        atOnce.addPath(missing).addText("last.yml", "- not a mapping");
        expect(new RuleLoader().addPath(missing).addText("last.yml", "- not a mapping").load(),
                expectedRules, expectedCorrelations, expectedProblems);
        files++;

        RuleSet loaded = atOnce.load();

        assertThat(expectedRules).hasSizeGreaterThan(3_000);
        assertThat(expectedProblems).hasSizeGreaterThan(2);
        assertThat(describeRules(loaded)).containsExactlyElementsOf(expectedRules);
        assertThat(describeCorrelations(loaded)).containsExactlyElementsOf(expectedCorrelations);
        assertThat(loaded.problems()).containsExactlyElementsOf(expectedProblems);
        assertThat(loaded.problems().get(0).source()).isEqualTo("first.yml");
        assertThat(loaded.problems().get(loaded.problems().size() - 1).source()).isEqualTo("last.yml");
        assertThat(loaded.files()).isEqualTo(files);
    }

    private static void expect(RuleSet one, List<String> rules, List<String> correlations, List<RuleProblem> problems) {
        rules.addAll(describeRules(one));
        correlations.addAll(describeCorrelations(one));
        problems.addAll(one.problems());
    }

    private static List<String> describeRules(RuleSet set) {
        return set.rules().stream().map(r -> r.source() + ":" + r.line() + " " + r.id() + " " + r.title()).toList();
    }

    private static List<String> describeCorrelations(RuleSet set) {
        return set.correlations().stream().map(c -> c.source() + ":" + c.line() + " " + c.id() + " " + c.title()).toList();
    }

    private static List<Path> yamlFilesInPathOrder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yml") || n.endsWith(".yaml");
            }).sorted().toList();
        }
    }
}
