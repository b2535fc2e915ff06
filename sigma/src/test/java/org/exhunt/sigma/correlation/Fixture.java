package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.Correlator;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaRule;

/**
 * Builds correlation scenarios: detection rules named as the correlation refers to them, matches
 * at given times with given fields, and the correlator's verdict.
 */
final class Fixture {

    static final Instant T0 = Instant.parse("2021-03-02T10:00:00Z");

    private final RuleSet rules;
    private final Correlator correlator;

    private Fixture(RuleSet rules) {
        this.rules = rules;
        this.correlator = Correlator.create(rules);
    }

    /** Loads the correlation YAML plus one trivial detection rule per name (id = "id-" + name). */
    static Fixture of(String correlationYaml, String... detectionRuleNames) {
        StringBuilder yaml = new StringBuilder(correlationYaml.strip()).append('\n');
        for (String name : detectionRuleNames) {
            yaml.append(detectionRule(name));
        }
        return load(yaml.toString());
    }

    /** Loads YAML exactly as given; fails the test when any document does not load. */
    static Fixture load(String yaml) {
        RuleSet rules = new RuleLoader().addText("test.yml", yaml).load();
        assertThat(rules.problems()).as("problems loading the test rules").isEmpty();
        return new Fixture(rules);
    }

    static String detectionRule(String name) {
        return """
                ---
                title: rule %1$s
                id: id-%1$s
                name: %1$s
                logsource:
                    product: test
                detection:
                    selection:
                        kind: %1$s
                    condition: selection
                """.formatted(name);
    }

    Correlator correlator() {
        return correlator;
    }

    RuleSet rules() {
        return rules;
    }

    SigmaRule rule(String name) {
        return rules.rules().stream().filter(r -> name.equals(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no rule named " + name));
    }

    /** A match of the named rule, {@code seconds} after {@link #T0}, with alternating field names and values. */
    RuleMatch match(String ruleName, long seconds, Object... fieldsAndValues) {
        return match(ruleName, T0.plusSeconds(seconds), fieldsAndValues);
    }

    RuleMatch match(String ruleName, Instant time, Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new RuleMatch(rule(ruleName), new MapEvent(time, fields), Map.of());
    }

    /** Feeds the matches to the correlator (which wants them) and evaluates. */
    List<CorrelationMatch> run(RuleMatch... matches) {
        for (RuleMatch match : matches) {
            assertThat(correlator.wants(match.rule())).as("correlator wants " + match.rule().name()).isTrue();
            correlator.accept(match);
        }
        return correlator.finish();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
