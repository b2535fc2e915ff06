package org.exhunt.sigma.correlation;

import java.time.Instant;

import org.exhunt.sigma.CorrelationRule;

/**
 * The value a correlation computes over the observations of one group inside its sliding window.
 * Observations arrive in time order and leave oldest first.
 */
interface WindowValue {

    /** An observation enters the window. */
    void add(Observation observation);

    /** The oldest observation leaves the window. */
    void remove(Observation observation);

    /**
     * The current value, for the window that begins at {@code windowStart}; NaN when there is
     * nothing to compute (e.g. the average of no numbers), which no condition accepts.
     */
    double value(Instant windowStart);

    /** A fresh, empty window value for a correlation. */
    static WindowValue of(CorrelationRule rule) {
        return switch (rule.type()) {
            case EVENT_COUNT -> new EventCount();
            case VALUE_COUNT -> new DistinctValueCount();
            case TEMPORAL -> new DistinctRuleCount(rule.ruleRefs().size());
            case TEMPORAL_ORDERED -> new OrderedRuleCount(rule.ruleRefs().size());
            case VALUE_SUM -> new NumericSum(false);
            case VALUE_AVG -> new NumericSum(true);
            case VALUE_PERCENTILE -> new NumericPercentile(rule.condition().percentile());
        };
    }
}
