package org.exhunt.sigma.correlation;

/** The comparisons a correlation condition may make between a computed value and a threshold. */
public enum ComparisonOperator {
    GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), EQ("eq"), NEQ("neq");

    private final String keyword;

    ComparisonOperator(String keyword) {
        this.keyword = keyword;
    }

    /** The key a rule writes in {@code correlation.condition}. */
    public String keyword() {
        return keyword;
    }

    /** Whether {@code value <op> threshold} holds. */
    public boolean test(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
            case EQ -> value == threshold;
            case NEQ -> value != threshold;
        };
    }

    /** The operator a condition key names, or {@code null}. */
    public static ComparisonOperator fromKeyword(String keyword) {
        for (ComparisonOperator op : values()) {
            if (op.keyword.equals(keyword)) {
                return op;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return keyword;
    }
}
