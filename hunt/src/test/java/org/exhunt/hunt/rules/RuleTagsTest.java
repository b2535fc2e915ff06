package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaRule;
import org.junit.jupiter.api.Test;

class RuleTagsTest {

    private static final Set<String> TACTICS = Set.of(
            "attack.reconnaissance", "attack.resource-development", "attack.initial-access", "attack.execution",
            "attack.persistence", "attack.privilege-escalation", "attack.defense-evasion", "attack.credential-access",
            "attack.discovery", "attack.lateral-movement", "attack.collection", "attack.command-and-control",
            "attack.exfiltration", "attack.impact");
    private static final Set<String> OUTCOMES = Set.of(
            "exhunt.outcome.recon", "exhunt.outcome.attempt", "exhunt.outcome.success", "exhunt.outcome.post-exploitation");

    private final RuleSet rules = new RuleLoader().addPath(RulePack.sigmaFolder()).load();

    @Test
    void everyRuleHasATacticATechniqueAndExactlyOneOutcome() {
        assertThat(rules.rules()).isNotEmpty();
        for (SigmaRule r : rules.rules()) {
            List<String> tags = r.tags();
            assertThat(tags).as("tactic in " + r.source()).anyMatch(TACTICS::contains);
            assertThat(tags).as("technique in " + r.source()).anyMatch(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"));
            // a rule without an outcome is a hint for the reader of the report: it must stay low
            long outcomes = tags.stream().filter(OUTCOMES::contains).count();
            assertThat(outcomes).as("outcome tags in " + r.source()).isLessThanOrEqualTo(1);
            if (outcomes == 0) {
                assertThat(r.level()).as("level of the hint " + r.source()).isIn("informational", "low");
            }
            assertThat(tags).as("unknown exhunt tag in " + r.source())
                    .allMatch(t -> !t.startsWith("exhunt.") || OUTCOMES.contains(t));
        }
    }

    @Test
    void levelsFollowTheOutcome() {
        for (SigmaRule r : rules.rules()) {
            String level = r.level();
            if (r.tags().contains("exhunt.outcome.success")) {
                assertThat(level).as(r.source()).isEqualTo("critical");
            }
            if (r.tags().contains("exhunt.outcome.attempt")) {
                assertThat(level).as(r.source()).isIn("medium", "high");
            }
            if (r.tags().contains("exhunt.outcome.recon")) {
                assertThat(level).as(r.source()).isIn("low", "medium");
            }
        }
    }

    @Test
    void cveTagsAreWellFormedAndEveryRuleHasItsMetadata() {
        for (SigmaRule r : rules.rules()) {
            assertThat(r.tags()).as(r.source()).allMatch(t -> !t.startsWith("cve.") || t.matches("cve\\.\\d{4}-\\d{4,}"));
            assertThat(r.author()).as(r.source()).isEqualTo("exhunt");
            assertThat(r.references()).as(r.source()).isNotEmpty();
            assertThat(r.falsePositives()).as(r.source()).isNotEmpty();
            assertThat(r.description()).as(r.source()).isNotBlank();
            assertThat(r.date()).as(r.source()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.status()).as(r.source()).isIn("stable", "test", "experimental");
        }
    }
}
