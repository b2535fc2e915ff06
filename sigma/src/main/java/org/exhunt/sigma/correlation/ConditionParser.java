package org.exhunt.sigma.correlation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exhunt.sigma.correlation.CorrelationCondition.Comparison;

/** Reads {@code correlation.condition}, knowing which correlation type it belongs to. */
final class ConditionParser {

    /** Which percentile {@code value_percentile} computes when the condition does not say: the median. */
    static final int DEFAULT_PERCENTILE = 50;

    private ConditionParser() {
    }

    static CorrelationCondition parse(Object value, CorrelationType type, int ruleCount) {
        if (value == null) {
            if (type.isTemporal()) {
                // Without a condition, a temporal correlation wants every referenced rule to occur.
                return new CorrelationCondition(
                        List.of(new Comparison(ComparisonOperator.GTE, ruleCount)), List.of(), null);
            }
            throw new IllegalArgumentException("correlation.condition is missing; a " + type
                    + " correlation needs one, e.g. {gte: 10}");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("correlation.condition must be a mapping such as {gte: 10},"
                    + " not " + CorrelationParser.describe(value));
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<String> fields = List.of();
        Integer percentile = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            ComparisonOperator op = ComparisonOperator.fromKeyword(key);
            if (op != null) {
                comparisons.add(new Comparison(op, threshold(key, entry.getValue())));
            } else if (key.equals("field")) {
                fields = fields(entry.getValue(), type);
            } else if (key.equals("percentile")) {
                percentile = percentile(entry.getValue(), type);
            } else {
                throw new IllegalArgumentException("correlation.condition." + key + " is not a condition"
                        + " attribute; expected gt, gte, lt, lte, eq, neq, field (or percentile)");
            }
        }
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("correlation.condition has no comparison;"
                    + " expected one of gt, gte, lt, lte, eq, neq");
        }
        if (type.aggregatesField() && fields.isEmpty()) {
            throw new IllegalArgumentException("correlation.condition.field is missing; a " + type
                    + " correlation needs the field whose values it aggregates");
        }
        if (type == CorrelationType.VALUE_PERCENTILE && percentile == null) {
            percentile = DEFAULT_PERCENTILE;
        }
        return new CorrelationCondition(comparisons, fields, percentile);
    }

    private static double threshold(String key, Object value) {
        double threshold;
        if (value instanceof Number number) {
            threshold = number.doubleValue();
        } else if (value instanceof String text) {
            try {
                threshold = new BigDecimal(text.trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw notANumber(key, value);
            }
        } else {
            throw notANumber(key, value);
        }
        if (!Double.isFinite(threshold)) {
            throw notANumber(key, value);
        }
        return threshold;
    }

    private static IllegalArgumentException notANumber(String key, Object value) {
        return new IllegalArgumentException("correlation.condition." + key + " must be a number, not "
                + CorrelationParser.describe(value));
    }

    private static List<String> fields(Object value, CorrelationType type) {
        if (!type.aggregatesField()) {
            throw new IllegalArgumentException("correlation.condition.field has no meaning for a " + type
                    + " correlation; only value_count, value_sum, value_avg and value_percentile aggregate a field");
        }
        List<String> fields = CorrelationParser.stringList(value, "correlation.condition.field");
        if (fields.isEmpty() || fields.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("correlation.condition.field must name a field");
        }
        if (fields.size() > 1 && type != CorrelationType.VALUE_COUNT) {
            throw new IllegalArgumentException("correlation.condition.field of a " + type
                    + " correlation must be one numeric field, not a list");
        }
        return fields;
    }

    private static Integer percentile(Object value, CorrelationType type) {
        if (type != CorrelationType.VALUE_PERCENTILE) {
            throw new IllegalArgumentException("correlation.condition.percentile only applies to value_percentile,"
                    + " not to " + type);
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= 0 && number.doubleValue() <= 100) {
            return number.intValue();
        }
        throw new IllegalArgumentException("correlation.condition.percentile must be a whole number from 0 to 100,"
                + " not " + CorrelationParser.describe(value));
    }
}
