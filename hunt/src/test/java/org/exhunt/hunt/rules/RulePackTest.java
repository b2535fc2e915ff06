package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaEngine;
import org.exhunt.sigma.SigmaEvent;
import org.exhunt.sigma.SigmaRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RulePackTest {

    private static RuleSet rules;
    private static SigmaEngine engine;

    @BeforeAll
    static void loadPack() {
        rules = new RuleLoader().addPath(RulePack.sigmaFolder()).load();
        engine = SigmaEngine.compile(rules, Pipeline.none());
    }

    @Test
    void everyRuleFileLoadsAndCompilesWithoutProblems() {
        assertThat(rules.problems()).isEmpty();
        assertThat(engine.problems()).isEmpty();
        assertThat(rules.rules()).hasSize(RulePack.ruleFiles().size());
        assertThat(engine.compiledRules()).isEqualTo(rules.rules().size());
    }

    @Test
    void ruleIdsAreUniqueUuids() {
        Set<String> ids = new HashSet<>();
        for (SigmaRule r : rules.rules()) {
            assertThat(r.id()).as(r.source()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(ids.add(r.id())).as("duplicate id " + r.id() + " in " + r.source()).isTrue();
        }
    }

    @Test
    void everyRuleFileHasAPositiveAndANegativeCase() {
        List<String> covered = RuleCases.all().stream().map(RuleCases.Case::rule).sorted().toList();
        assertThat(covered).containsExactlyElementsOf(RulePack.ruleFiles());
    }

    static Stream<RuleCases.Case> cases() {
        return RuleCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresOnItsAttackEventAndNotOnTheNearMiss(RuleCases.Case c) {
        SigmaRule rule = ruleFrom(c.rule());
        assertThat(matchingRuleIds(c, FieldEvent.of(c.positive())))
                .as("%s should fire on %s", c.rule(), List.of(c.positive())).contains(rule.id());
        assertThat(matchingRuleIds(c, FieldEvent.of(c.negative())))
                .as("%s should not fire on %s", c.rule(), List.of(c.negative())).doesNotContain(rule.id());
    }

    static Stream<WindowsRuleCases.Extra> windowsExtras() {
        return WindowsRuleCases.extras().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowsExtras")
    void windowsRuleDecidesItsFurtherNeighboursAndVariants(WindowsRuleCases.Extra e) {
        SigmaRule rule = ruleFrom(e.rule());
        List<String> ids = matchingRuleIds(e.logsource(), FieldEvent.of(e.event()));
        if (e.fires()) {
            assertThat(ids).as("%s should fire on %s (%s)", e.rule(), List.of(e.event()), e.why()).contains(rule.id());
        } else {
            assertThat(ids).as("%s should not fire on %s (%s)", e.rule(), List.of(e.event()), e.why()).doesNotContain(rule.id());
        }
    }

    private static List<String> matchingRuleIds(RuleCases.Case c, SigmaEvent event) {
        return matchingRuleIds(c.logsource(), event);
    }

    private static List<String> matchingRuleIds(org.exhunt.sigma.Logsource source, SigmaEvent event) {
        List<String> ids = new ArrayList<>();
        engine.matcherFor(source).match(event, (RuleMatch m) -> ids.add(m.rule().id()));
        return ids;
    }

    private static SigmaRule ruleFrom(String relativePath) {
        return rules.rules().stream()
                .filter(r -> r.source().replace('\\', '/').endsWith("/" + relativePath))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no loaded rule from " + relativePath));
    }
}
