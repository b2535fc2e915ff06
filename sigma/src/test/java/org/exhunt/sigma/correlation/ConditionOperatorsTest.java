package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exhunt.sigma.correlation.CorrelationCondition.Comparison;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConditionOperatorsTest {

    private static CorrelationCondition condition(Object yamlCondition) {
        return ConditionParser.parse(yamlCondition, CorrelationType.EVENT_COUNT, 1);
    }

    @Test
    void eachOperatorComparesAsItsNameSays() {
        assertThat(condition(java.util.Map.of("gt", 5)).test(5)).isFalse();
        assertThat(condition(java.util.Map.of("gt", 5)).test(6)).isTrue();
        assertThat(condition(java.util.Map.of("gte", 5)).test(5)).isTrue();
        assertThat(condition(java.util.Map.of("gte", 5)).test(4)).isFalse();
        assertThat(condition(java.util.Map.of("lt", 5)).test(5)).isFalse();
        assertThat(condition(java.util.Map.of("lt", 5)).test(4)).isTrue();
        assertThat(condition(java.util.Map.of("lte", 5)).test(5)).isTrue();
        assertThat(condition(java.util.Map.of("lte", 5)).test(6)).isFalse();
        assertThat(condition(java.util.Map.of("eq", 5)).test(5)).isTrue();
        assertThat(condition(java.util.Map.of("eq", 5)).test(6)).isFalse();
        assertThat(condition(java.util.Map.of("neq", 5)).test(6)).isTrue();
        assertThat(condition(java.util.Map.of("neq", 5)).test(5)).isFalse();
    }

    @Test
    void severalComparisonsFormARange() {
        CorrelationCondition range = condition(new java.util.LinkedHashMap<>(java.util.Map.of("gt", 100, "lte", 200)));
        assertThat(range.test(100)).isFalse();
        assertThat(range.test(101)).isTrue();
        assertThat(range.test(200)).isTrue();
        assertThat(range.test(201)).isFalse();
    }

    @Test
    void fractionalThresholdsAreKept() {
        assertThat(condition(java.util.Map.of("gt", 0.5)).test(0.6)).isTrue();
        assertThat(condition(java.util.Map.of("gt", "0.5")).test(0.4)).isFalse();
    }

    @Test
    void nothingToComputeNeverSatisfiesACondition() {
        assertThat(condition(java.util.Map.of("neq", 5)).test(Double.NaN)).isFalse();
    }

    @Test
    void describesItselfAsWritten() {
        CorrelationCondition c = new CorrelationCondition(
                List.of(new Comparison(ComparisonOperator.GT, 100), new Comparison(ComparisonOperator.LTE, 2.5)),
                List.of(), null);
        assertThat(c).hasToString("gt 100 and lte 2.5");
    }

    @Property
    void neqIsTheOppositeOfEq(@ForAll @IntRange(min = -50, max = 50) int value,
            @ForAll @IntRange(min = -50, max = 50) int threshold) {
        assertThat(ComparisonOperator.NEQ.test(value, threshold)).isNotEqualTo(ComparisonOperator.EQ.test(value, threshold));
        assertThat(ComparisonOperator.GT.test(value, threshold)).isNotEqualTo(ComparisonOperator.LTE.test(value, threshold));
        assertThat(ComparisonOperator.LT.test(value, threshold)).isNotEqualTo(ComparisonOperator.GTE.test(value, threshold));
    }
}
