package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.exhunt.sigma.RuleMatch;
import org.junit.jupiter.api.Test;

class RuleReferenceTest {

    private static String correlationOn(String reference) {
        return """
                title: c
                correlation:
                    type: event_count
                    rules: [%s]
                    timespan: 1m
                    condition: {gte: 1}
                """.formatted(reference);
    }

    @Test
    void aRuleIsFoundByItsName() {
        Fixture f = Fixture.of(correlationOn("a"), "a");
        assertThat(f.correlator().problems()).isEmpty();
        assertThat(f.run(f.match("a", 0))).hasSize(1);
    }

    @Test
    void aRuleIsFoundByItsId() {
        Fixture f = Fixture.of(correlationOn("id-a"), "a");
        assertThat(f.correlator().problems()).isEmpty();
        assertThat(f.run(f.match("a", 0))).hasSize(1);
    }

    @Test
    void anUnresolvedReferenceIsAProblemAtTheCorrelation() {
        Fixture f = Fixture.of(correlationOn("b"), "a");
        assertThat(f.correlator().problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("test.yml");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo(
                    "correlation.rules refers to 'b', but no loaded rule or correlation has that id or name");
        });
        assertThat(f.correlator().finish()).isEmpty();
    }

    @Test
    void aReferenceThatNamesTwoRulesIsAmbiguous() {
        Fixture f = Fixture.load(correlationOn("dup") + Fixture.detectionRule("dup")
                + Fixture.detectionRule("dup").replace("id: id-dup", "id: other"));
        assertThat(f.correlator().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("'dup'", "2 rules", "must be unique"));
    }

    @Test
    void referencingOneRuleByIdAndByNameIsAProblem() {
        Fixture f = Fixture.of("""
                title: c
                correlation:
                    type: temporal
                    rules: [a, id-a]
                    timespan: 1m
                """, "a");
        assertThat(f.correlator().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("twice (by id and by name)"));
    }

    @Test
    void matchesOfOtherRulesAreIgnored() {
        Fixture f = Fixture.of(correlationOn("a"), "a", "b");
        f.correlator().accept(f.match("b", 0));
        assertThat(f.correlator().finish()).isEmpty();
    }

    @Test
    void aMatchCarryingACopyOfTheRuleIsRecognisedById() {
        Fixture f = Fixture.of(correlationOn("a"), "a");
        org.exhunt.sigma.SigmaRule copy = new org.exhunt.sigma.RuleLoader()
                .addText("copy.yml", Fixture.detectionRule("a")).load().rules().get(0);
        assertThat(copy).isNotSameAs(f.rule("a"));
        assertThat(f.correlator().wants(copy)).isTrue();
        assertThat(f.correlator().reportsOnItsOwn(copy)).isFalse();
        f.correlator().accept(new RuleMatch(copy, new MapEvent(Fixture.at(0), Map.of()), Map.of()));
        assertThat(f.correlator().finish()).hasSize(1);
    }

    @Test
    void aLoadedRuleThatSharesAnIdWithAReferencedOneIsJudgedByItself() {
        Fixture f = Fixture.load(correlationOn("a") + Fixture.detectionRule("a")
                + Fixture.detectionRule("b").replace("id: id-b", "id: id-a"));
        assertThat(f.correlator().problems()).isEmpty();
        assertThat(f.correlator().wants(f.rule("b"))).isFalse();
        assertThat(f.correlator().reportsOnItsOwn(f.rule("b"))).isTrue();
        assertThat(f.correlator().reportsOnItsOwn(f.rule("a"))).isFalse();
    }
}
