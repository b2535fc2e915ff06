package org.exhunt.sigma.correlation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * When a correlation matches: every comparison must hold for the computed value (several
 * comparisons express a range). {@code fields} are the event fields a value aggregation reads
 * (several fields form one combined value); {@code percentile} is which percentile a
 * {@code value_percentile} correlation computes.
 *
 * @param comparisons at least one comparison, in the order the rule wrote them
 * @param fields      the condition's {@code field} (empty when the type needs none)
 * @param percentile  0–100 for {@code value_percentile}, otherwise {@code null}
 */
public record CorrelationCondition(List<Comparison> comparisons, List<String> fields, Integer percentile) {

    /** One comparison of the computed value with a threshold. */
    public record Comparison(ComparisonOperator operator, double threshold) {
        @Override
        public String toString() {
            return operator + " " + (threshold == Math.rint(threshold) && !Double.isInfinite(threshold)
                    ? Long.toString((long) threshold) : Double.toString(threshold));
        }
    }

    public CorrelationCondition {
        comparisons = List.copyOf(comparisons);
        fields = List.copyOf(fields);
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a correlation condition needs at least one comparison");
        }
    }

    /** Whether {@code value} satisfies every comparison; a NaN value (nothing to compute) never does. */
    public boolean test(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        for (Comparison comparison : comparisons) {
            if (!comparison.operator().test(value, comparison.threshold())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String text = comparisons.stream().map(Comparison::toString).collect(Collectors.joining(" and "));
        if (!fields.isEmpty()) {
            text = "field " + String.join("+", fields) + " " + text;
        }
        if (percentile != null) {
            text = "percentile " + percentile + " " + text;
        }
        return text;
    }
}
