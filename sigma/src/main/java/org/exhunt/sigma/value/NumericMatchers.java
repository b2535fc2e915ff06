package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * Numeric rule values: plain equality ({@code sc-status: 200} matches 200 and "200") and the
 * comparisons {@code lt}, {@code lte}, {@code gt}, {@code gte}. A value that is not a number
 * never matches.
 */
final class NumericMatchers {
    private NumericMatchers() {
    }

    enum Op {
        EQ, LT, LTE, GT, GTE;

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case LT -> comparison < 0;
                case LTE -> comparison <= 0;
                case GT -> comparison > 0;
                case GTE -> comparison >= 0;
            };
        }

        static Op of(Modifier m) {
            return switch (m) {
                case LT -> LT;
                case LTE -> LTE;
                case GT -> GT;
                case GTE -> GTE;
                default -> EQ;
            };
        }
    }

    /** Compares the event value (left) with the rule number (right). */
    static ValueMatcher compare(Op op, Object ruleValue, double ruleNumber) {
        boolean ruleIntegral = Numbers.isIntegral(ruleValue);
        long ruleLong = ruleIntegral ? ((Number) ruleValue).longValue() : 0;
        return new ValueMatcher() {
            @Override
            public boolean matches(Object value, SigmaEvent event, String field) {
                if (ruleIntegral && Numbers.isIntegral(value)) {
                    // exact for large integers that a double would round
                    return op.holds(Long.compare(((Number) value).longValue(), ruleLong));
                }
                double d = Numbers.toDouble(value);
                return !Double.isNaN(d) && op.holds(d == ruleNumber ? 0 : (d < ruleNumber ? -1 : 1));
            }

            @Override
            public Set<String> literals() {
                return null;
            }

            @Override
            public Long requiredInteger() {
                // Equality holds only when the doubles are equal (the exact long comparison
                // implies that too), and equal doubles have equal keys.
                long key = Numbers.integerKey(ruleNumber);
                return op == Op.EQ && key != Numbers.NOT_WHOLE ? key : null;
            }
        };
    }
}
