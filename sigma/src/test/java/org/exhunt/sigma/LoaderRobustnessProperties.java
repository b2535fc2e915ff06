package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text it is given, the loader returns a rule set; bad input becomes problems, never exceptions. */
class LoaderRobustnessProperties {

    private static final String VALID = Rules.rule("""
                selection:
                    A|contains: x
                    B: [1, 2]
                filter:
                    - C: null
                condition: selection and not filter
            """);

    @Property(tries = 500)
    void random_text_never_throws(@ForAll String text) {
        RuleSet set = new RuleLoader().addText("random.yml", text).load();
        assertThat(set.files()).isEqualTo(1);
        SigmaEngine.compile(set, Pipeline.none());
    }

    @Property(tries = 500)
    void garbled_rules_never_throw_and_every_document_is_accounted_for(@ForAll("garbled") String text) {
        RuleSet set = new RuleLoader().addText("garbled.yml", text).load();
        assertThat(set.rules().size() + set.problems().size() + set.filterCount() + set.correlations().size())
                .as("each document either loads or is a problem").isGreaterThanOrEqualTo(text.isBlank() ? 0 : 1);
        for (RuleProblem p : set.problems()) {
            assertThat(p.source()).isEqualTo("garbled.yml");
            assertThat(p.reason()).isNotBlank();
        }
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none());
        engine.matcherFor(null).match(MapEvent.of("A", "x", "B", "1"), m -> { });
    }

    /** A valid rule with a few characters deleted, duplicated or replaced by YAML-significant ones. */
    @Provide
    Arbitrary<String> garbled() {
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, VALID.length() - 1).array(int[].class).ofMinSize(1).ofMaxSize(4);
        Arbitrary<Character> junk = Arbitraries.of(':', '-', '[', '{', '|', '*', '&', '!', '\'', '"', '\n', ' ', '\t', '%', '#');
        return net.jqwik.api.Combinators.combine(edits, junk.list().ofSize(4), Arbitraries.integers().between(0, 2))
                .as((positions, chars, mode) -> {
                    StringBuilder sb = new StringBuilder(VALID);
                    for (int i = 0; i < positions.length; i++) {
                        int p = Math.min(positions[i], sb.length() - 1);
                        switch (mode) {
                            case 0 -> sb.deleteCharAt(p);
                            case 1 -> sb.insert(p, chars.get(i));
                            default -> sb.setCharAt(p, chars.get(i));
                        }
                    }
                    return sb.toString();
                });
    }
}
