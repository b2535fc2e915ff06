package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.exhunt.sigma.CorrelationRule;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A bad correlation is rejected with a reason that names the attribute and what was expected. */
class CorrelationParserErrorsTest {

    private static final String VALID = """
            title: t
            name: n
            correlation:
                type: event_count
                rules: [a]
                group-by: [User]
                timespan: 5m
                condition: {gte: 3}
            """;

    private static CorrelationRule parse(String yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return CorrelationParser.parse(doc, "x.yml", 7);
    }

    private static void rejects(String yaml, String... reasonParts) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class)
                .message().contains(reasonParts);
    }

    private static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void theValidBaseParses() {
        CorrelationRule rule = parse(VALID);
        assertThat(rule.name()).isEqualTo("n");
        assertThat(rule.line()).isEqualTo(7);
    }

    @Test
    void aTitleIsRequired() {
        rejects(with("title: t\n", ""), "title");
    }

    @Test
    void theCorrelationSectionMustBeAMapping() {
        rejects("title: t\ncorrelation: event_count\n", "'correlation' must be a mapping");
    }

    @Test
    void theTypeIsRequiredAndMustBeKnown() {
        rejects(with("    type: event_count\n", ""), "correlation.type is missing", "value_percentile");
        rejects(with("type: event_count", "type: event_counter"), "'event_counter' is not a correlation type");
        rejects(with("type: event_count", "type: Event_Count"), "'Event_Count'");
    }

    @Test
    void rulesAreRequiredNonEmptyAndUnique() {
        rejects(with("    rules: [a]\n", ""), "correlation.rules is missing");
        rejects(with("rules: [a]", "rules: []"), "correlation.rules is empty");
        rejects(with("rules: [a]", "rules: [a, a]"), "lists 'a' twice");
        rejects(with("rules: [a]", "rules: {a: 1}"), "correlation.rules must be a value or a list");
    }

    @Test
    void aSingleRuleMayBeWrittenWithoutAList() {
        assertThat(parse(with("rules: [a]", "rules: a")).ruleRefs()).containsExactly("a");
    }

    @Test
    void theTimespanIsRequiredAndNeedsAUnit() {
        rejects(with("    timespan: 5m\n", ""), "correlation.timespan is missing");
        rejects(with("timespan: 5m", "timespan: 300"), "'300' needs a unit");
        rejects(with("timespan: 5m", "timespan: 5 minutes"), "timespan '5 minutes' is not valid", "5m");
        rejects(with("timespan: 5m", "timespan: 0m"), "greater than zero");
    }

    @Test
    void nonTemporalTypesNeedACondition() {
        rejects(with("    condition: {gte: 3}\n", ""), "correlation.condition is missing", "event_count");
    }

    @Test
    void theConditionNeedsAComparisonWithANumber() {
        rejects(with("{gte: 3}", "{}"), "has no comparison");
        rejects(with("{gte: 3}", "{gte: many}"), "condition.gte must be a number", "'many'");
        rejects(with("{gte: 3}", "{gte: .nan}"), "condition.gte must be a number");
        rejects(with("{gte: 3}", "{greater: 3}"), "condition.greater is not a condition attribute");
        rejects(with("{gte: 3}", "gte 3"), "must be a mapping");
    }

    @Test
    void valueTypesNeedAFieldAndOthersMustNotHaveOne() {
        rejects(with("type: event_count", "type: value_count"), "condition.field is missing", "value_count");
        rejects(with("{gte: 3}", "{gte: 3, field: User}"), "field has no meaning for a event_count");
        rejects(with("type: event_count", "type: value_sum").replace("{gte: 3}", "{gte: 3, field: [a, b]}"),
                "one numeric field");
    }

    @Test
    void percentileOnlyForValuePercentileAndWithinRange() {
        rejects(with("{gte: 3}", "{gte: 3, percentile: 90}"), "percentile only applies to value_percentile");
        rejects(with("type: event_count", "type: value_percentile").replace("{gte: 3}",
                "{gte: 3, field: x, percentile: 101}"), "whole number from 0 to 100");
    }

    @Test
    void unknownCorrelationAttributesAreNamed() {
        rejects(with("group-by:", "groupby:"), "correlation.groupby is not a correlation attribute", "group-by");
    }

    @Test
    void generateMustBeABoolean() {
        rejects(VALID + "    generate: yes please\n", "generate must be true or false");
        assertThat(parse(VALID + "    generate: true\n").generate()).isTrue();
    }

    @Test
    void aliasesMustMapRulesToFields() {
        rejects(VALID + "    aliases: [x]\n", "aliases must map each alias");
        rejects(VALID + "    aliases:\n        ip: source.ip\n", "aliases.ip must map each referenced rule");
        rejects(VALID + "    aliases:\n        ip:\n            a: [x]\n", "aliases.ip.a must be a field name");
        assertThat(parse(VALID + "    aliases:\n        ip:\n            a: source.ip\n").aliases())
                .containsEntry("ip", Map.of("a", "source.ip"));
    }

    @Test
    void groupByMayBeASingleFieldOrAbsentButNotRepeated() {
        assertThat(parse(with("group-by: [User]", "group-by: User")).groupBy()).containsExactly("User");
        assertThat(parse(with("    group-by: [User]\n", "")).groupBy()).isEmpty();
        rejects(with("group-by: [User]", "group-by: [User, User]"), "lists 'User' twice");
    }

    @Test
    void metadataIsKeptAsWritten() {
        CorrelationRule rule = parse(VALID + "level: high\nstatus: test\ndescription: d\nid: 1234\n"
                + "tags: [attack.t1110, cve.2021-26855]\n");
        assertThat(rule.level()).isEqualTo("high");
        assertThat(rule.status()).isEqualTo("test");
        assertThat(rule.description()).isEqualTo("d");
        assertThat(rule.id()).isEqualTo("1234");
        assertThat(rule.tags()).containsExactly("attack.t1110", "cve.2021-26855");
    }
}
