package org.exhunt.sigma.correlation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of correlation Sigma v2.1 defines, with the keyword a rule writes for each. */
public enum CorrelationType {
    /** How many matching events occur per group within the timespan. */
    EVENT_COUNT("event_count"),
    /** How many distinct values of the condition's field occur per group. */
    VALUE_COUNT("value_count"),
    /** Whether events of all (or the stated number of) referenced rules occur together. */
    TEMPORAL("temporal"),
    /** Like {@link #TEMPORAL}, and the events must occur in the order the rules are listed. */
    TEMPORAL_ORDERED("temporal_ordered"),
    /** The sum of a numeric field per group. */
    VALUE_SUM("value_sum"),
    /** The average of a numeric field per group. */
    VALUE_AVG("value_avg"),
    /** A percentile of a numeric field per group. */
    VALUE_PERCENTILE("value_percentile");

    private final String keyword;

    CorrelationType(String keyword) {
        this.keyword = keyword;
    }

    /** The word a rule writes in {@code correlation.type}. */
    public String keyword() {
        return keyword;
    }

    /** Whether the condition must name a {@code field} whose values are aggregated. */
    public boolean aggregatesField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** Whether the type relates events of different rules in time (the condition is optional). */
    public boolean isTemporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** The type a rule's keyword names (exact, lower-case as the specification writes it), or {@code null}. */
    public static CorrelationType fromKeyword(String keyword) {
        for (CorrelationType type : values()) {
            if (type.keyword.equals(keyword)) {
                return type;
            }
        }
        return null;
    }

    /** Every keyword, for error messages. */
    static String keywords() {
        return Arrays.stream(values()).map(CorrelationType::keyword).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return keyword;
    }
}
