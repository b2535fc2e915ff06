package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerateTest {

    private static String correlation(String title, String rule, String generate) {
        return """
                ---
                title: %s
                correlation:
                    type: event_count
                    rules: [%s]
                    timespan: 1m
                    condition: {gte: 2}
                %s""".formatted(title, rule, generate == null ? "" : "    generate: " + generate + "\n");
    }

    @Test
    void referencedRulesDoNotReportOnTheirOwnByDefault() {
        Fixture f = Fixture.of(correlation("c", "a", null), "a", "b");
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isFalse();
        assertThat(f.correlator().wants(f.rule("a"))).isTrue();
    }

    @Test
    void rulesNoCorrelationRefersToReportOnTheirOwnAndAreNotWanted() {
        Fixture f = Fixture.of(correlation("c", "a", null), "a", "b");
        assertThat(f.correlator().reportsOnItsOwn(f.rule("b"))).isTrue();
        assertThat(f.correlator().wants(f.rule("b"))).isFalse();
    }

    @Test
    void generateTrueKeepsTheReferencedRulesReporting() {
        Fixture f = Fixture.of(correlation("c", "a", "true"), "a");
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isTrue();
        assertThat(f.correlator().wants(f.rule("a"))).isTrue();
    }

    @Test
    void oneCorrelationWithGenerateIsEnoughForARuleToReport() {
        Fixture f = Fixture.of(correlation("c1", "a", "false") + correlation("c2", "a", "true"), "a");
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isTrue();
    }

    @Test
    void aCorrelationThatCannotRunDoesNotSilenceItsRules() {
        Fixture f = Fixture.of("""
                title: broken
                correlation:
                    type: temporal
                    rules: [a, nowhere]
                    timespan: 1m
                """, "a");
        assertThat(f.correlator().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("'nowhere'"));
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isTrue();
        assertThat(f.correlator().wants(f.rule("a"))).isFalse();
    }

    @Test
    void anInnerCorrelationIsReportedWhenItsOuterOneSetsGenerate() {
        Fixture f = Fixture.of("""
                title: outer
                correlation:
                    type: event_count
                    rules: [inner]
                    timespan: 1h
                    condition: {gte: 2}
                    generate: true
                ---
                title: inner
                name: inner
                correlation:
                    type: event_count
                    rules: [a]
                    timespan: 1m
                    condition: {gte: 2}
                """, "a");
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isFalse();
        java.util.List<org.exhunt.sigma.CorrelationMatch> found = f.run(
                f.match("a", 0), f.match("a", 1), f.match("a", 600), f.match("a", 601));
        assertThat(found).extracting(m -> m.rule().title()).containsExactly("inner", "outer", "inner"); // by first time: 0 s, 1 s (the first inner trigger), 600 s
    }
}
