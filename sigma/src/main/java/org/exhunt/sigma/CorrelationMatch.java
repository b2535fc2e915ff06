package org.exhunt.sigma;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation rule that matched: for one group of field values, the events of the referenced
 * rules that together satisfied its condition within its timespan.
 *
 * <p>While the condition keeps holding as the window slides over further events, those events
 * extend the same match; {@code first} and {@code last} span them all.
 *
 * @param rule            the correlation that matched
 * @param first           the time of the earliest contributing event
 * @param last            the time of the latest contributing event
 * @param triggeredAt     when the condition first held (the time of the event that completed it);
 *                        a correlation that refers to this one sees the match at this time
 * @param groupValues     group-by field (or alias) → the group's value, in the rule's order
 * @param value           what the condition compared: the count, distinct count, distinct rule
 *                        count, in-order rule count, sum, average or percentile, taken from the
 *                        window with the most events
 * @param matches         contributing matches of detection rules, in time order, at most
 *                        {@link #LISTED_AT_MOST}
 * @param matchCount      how many detection-rule matches contributed in all
 * @param innerMatches    contributing matches of referenced correlations, in time order, at most
 *                        {@link #LISTED_AT_MOST}
 * @param innerMatchCount how many correlation matches contributed in all
 */
public record CorrelationMatch(
        CorrelationRule rule,
        Instant first,
        Instant last,
        Instant triggeredAt,
        Map<String, Object> groupValues,
        double value,
        List<RuleMatch> matches,
        int matchCount,
        List<CorrelationMatch> innerMatches,
        int innerMatchCount) {

    /** How many contributing matches a correlation match lists; the counts stay exact. */
    public static final int LISTED_AT_MOST = 100;

    public CorrelationMatch {
        groupValues = Collections.unmodifiableMap(new LinkedHashMap<>(groupValues));
        matches = List.copyOf(matches);
        innerMatches = List.copyOf(innerMatches);
    }

    /**
     * The detection-rule matches behind this match, including those behind contributing
     * correlation matches (chains), in time order; at most {@link #LISTED_AT_MOST}.
     */
    public List<RuleMatch> allMatches() {
        List<RuleMatch> all = new ArrayList<>(matches);
        for (CorrelationMatch inner : innerMatches) {
            all.addAll(inner.allMatches());
        }
        all.sort(Comparator.comparing(m -> m.event().timestamp(), Comparator.nullsLast(Comparator.naturalOrder())));
        return all.size() > LISTED_AT_MOST ? List.copyOf(all.subList(0, LISTED_AT_MOST)) : List.copyOf(all);
    }

    /** The value as a rule author would write it: whole numbers without a fraction. */
    public String valueText() {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return rule.title() + " " + groupValues + " " + rule.type() + "=" + valueText()
                + " [" + first + " .. " + last + "]";
    }
}
