package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exhunt.sigma.Correlator;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleSet;
import org.junit.jupiter.api.Test;

/** Correlation rules written by others load without problems. */
class CorpusCorrelationRulesTest {

    private static final Pattern TOP_LEVEL_CORRELATION = Pattern.compile("(?m)^correlation:");

    @Test
    void everyCorrelationRuleInTheSigmaRuleFoldersLoads() throws IOException {
        Path sigma = Corpus.path("sigma");
        List<Path> ruleFolders;
        try (Stream<Path> list = Files.list(sigma)) {
            ruleFolders = list.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList();
        }
        assertThat(ruleFolders).as("rule folders under %s", sigma).isNotEmpty();

        RuleLoader loader = new RuleLoader();
        int documents = 0;
        List<Path> files = new ArrayList<>();
        for (Path folder : ruleFolders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher m = TOP_LEVEL_CORRELATION.matcher(text);
                    int here = 0;
                    while (m.find()) {
                        here++;
                    }
                    if (here > 0) {
                        documents += here;
                        files.add(file);
                        loader.addPath(file);
                    }
                }
            }
        }
        RuleSet rules = loader.load();
        assertThat(rules.problems()).as("problems in %s", files).isEmpty();
        assertThat(rules.correlations()).hasSize(documents);
        assertThat(Correlator.create(rules).problems()).isEmpty();
    }

    @Test
    void everyExampleOfTheSpecificationTestFolderLoadsThroughTheRuleLoader() {
        RuleSet rules = new RuleLoader().addPath(Corpus.path("sigma-specification/tests/schema/correlation")).load();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.correlations()).hasSize(8);
    }

    @Test
    void theSpecificationsCompleteExampleLoadsAndResolves() throws IOException {
        String spec = Files.readString(
                Corpus.path("sigma-specification/specification/sigma-correlation-rules-specification.md"));
        int heading = spec.indexOf("### Failed Logins Followed by Successful Login");
        assertThat(heading).as("the example section of the specification").isPositive();
        Matcher block = Pattern.compile("(?s)```yml\\n(.*?)```").matcher(spec);
        assertThat(block.find(heading)).as("a yml block after the heading").isTrue();

        RuleSet rules = new RuleLoader().addText("spec-example.yml", block.group(1)).load();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.correlations()).extracting(c -> c.type().keyword())
                .containsExactly("temporal_ordered", "event_count");
        assertThat(rules.rules()).extracting(r -> r.name()).containsExactly("failed_login", "successful_login");

        Correlator correlator = Correlator.create(rules);
        assertThat(correlator.problems()).isEmpty();
        assertThat(rules.rules()).allSatisfy(rule -> {
            assertThat(correlator.wants(rule)).isTrue();
            assertThat(correlator.reportsOnItsOwn(rule)).isFalse();
        });
    }
}
