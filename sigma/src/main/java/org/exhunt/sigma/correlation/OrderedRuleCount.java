package org.exhunt.sigma.correlation;

import java.time.Instant;

/**
 * temporal_ordered: how many of the referenced rules, from the first on, have matches in the
 * window that occur in the listed order (all of them: the whole sequence happened).
 *
 * <p>For each step k it keeps the latest start time of any in-order run through steps 0..k seen so
 * far; such a run lies in the window exactly when its start does, so one array replaces a search
 * over the window. Matches at the same instant count as in order (they arrive sorted by step).
 */
final class OrderedRuleCount implements WindowValue {

    private final Instant[] latestStart;

    OrderedRuleCount(int rules) {
        latestStart = new Instant[rules];
    }

    @Override
    public void add(Observation observation) {
        int step = observation.input();
        Instant start = step == 0 ? observation.time() : latestStart[step - 1];
        if (start != null && (latestStart[step] == null || start.isAfter(latestStart[step]))) {
            latestStart[step] = start;
        }
    }

    @Override
    public void remove(Observation observation) {
        // Runs are judged by their start time in value(); nothing to undo.
    }

    @Override
    public double value(Instant windowStart) {
        int steps = 0;
        while (steps < latestStart.length && latestStart[steps] != null
                && !latestStart[steps].isBefore(windowStart)) {
            steps++;
        }
        return steps;
    }
}
