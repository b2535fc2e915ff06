package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.List;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.RuleMatch;

/**
 * One match as a correlation sees it, with everything it needs read out at once: the time, which
 * referenced rule it belongs to, the group it falls in and the value it contributes.
 *
 * @param time        when it happened
 * @param input       index of the referenced rule in the correlation's {@code rules}
 * @param group       the group-by values as text, for grouping
 * @param groupValues the group-by values as the events gave them, for the report
 * @param value       what a value correlation aggregates ({@code List<String>} for value_count,
 *                    {@link java.math.BigDecimal} for the numeric ones), or {@code null}
 * @param ruleMatch   the detection-rule match, or {@code null} for a chained correlation's match
 * @param innerMatch  the inner correlation's match, or {@code null}
 * @param arrival     arrival order, the last tie-breaker
 */
record Observation(Instant time, int input, List<String> group, List<Object> groupValues, Object value,
        RuleMatch ruleMatch, CorrelationMatch innerMatch, long arrival) {
}
