package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.RuleMatch;

/**
 * Slides a correlation's window over the time-ordered observations of one group.
 *
 * <p>A window ends at each distinct observation time t and holds every observation from
 * t − timespan to t, both ends included. Consecutive windows whose value satisfies the
 * condition form one episode, reported as one match; the episode ends at the first window
 * that does not satisfy it, and a later satisfying window starts a new one.
 */
final class EpisodeFinder {

    private EpisodeFinder() {
    }

    static List<CorrelationMatch> find(CorrelationRule rule, List<Observation> sorted) {
        List<CorrelationMatch> found = new ArrayList<>();
        WindowValue window = WindowValue.of(rule);
        int start = 0;
        int end = 0;
        Episode open = null;
        while (end < sorted.size()) {
            Instant now = sorted.get(end).time();
            while (end < sorted.size() && sorted.get(end).time().equals(now)) {
                window.add(sorted.get(end));
                end++;
            }
            Instant windowStart = now.minus(rule.timespan());
            while (sorted.get(start).time().isBefore(windowStart)) {
                window.remove(sorted.get(start));
                start++;
            }
            double value = window.value(windowStart);
            if (rule.condition().test(value)) {
                if (open == null) {
                    open = new Episode(start, now);
                }
                open.end = end;
                if (end - start > open.largestWindow) {
                    open.largestWindow = end - start;
                    open.value = value;
                }
            } else if (open != null) {
                found.add(open.toMatch(rule, sorted));
                open = null;
            }
        }
        if (open != null) {
            found.add(open.toMatch(rule, sorted));
        }
        return found;
    }

    /** A run of consecutive satisfying windows: observations start (inclusive) to end (exclusive). */
    private static final class Episode {
        final int start;
        final Instant triggeredAt;
        int end;
        int largestWindow;
        double value;

        Episode(int start, Instant triggeredAt) {
            this.start = start;
            this.triggeredAt = triggeredAt;
        }

        CorrelationMatch toMatch(CorrelationRule rule, List<Observation> sorted) {
            List<Observation> part = sorted.subList(start, end);
            List<RuleMatch> ruleMatches = new ArrayList<>();
            List<CorrelationMatch> innerMatches = new ArrayList<>();
            int ruleMatchCount = 0;
            int innerMatchCount = 0;
            for (Observation observation : part) {
                if (observation.ruleMatch() != null) {
                    if (ruleMatchCount++ < CorrelationMatch.LISTED_AT_MOST) {
                        ruleMatches.add(observation.ruleMatch());
                    }
                } else if (innerMatchCount++ < CorrelationMatch.LISTED_AT_MOST) {
                    innerMatches.add(observation.innerMatch());
                }
            }
            Map<String, Object> groupValues = new LinkedHashMap<>();
            Observation any = part.get(0);
            for (int i = 0; i < rule.groupBy().size(); i++) {
                groupValues.put(rule.groupBy().get(i), any.groupValues().get(i));
            }
            return new CorrelationMatch(rule, part.get(0).time(), part.get(part.size() - 1).time(), triggeredAt,
                    groupValues, value, ruleMatches, ruleMatchCount, innerMatches, innerMatchCount);
        }
    }
}
