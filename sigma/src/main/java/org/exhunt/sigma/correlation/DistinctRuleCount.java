package org.exhunt.sigma.correlation;

import java.time.Instant;

/** temporal: how many of the referenced rules have a match in the window. */
final class DistinctRuleCount implements WindowValue {

    private final int[] perRule;
    private int present;

    DistinctRuleCount(int rules) {
        perRule = new int[rules];
    }

    @Override
    public void add(Observation observation) {
        if (perRule[observation.input()]++ == 0) {
            present++;
        }
    }

    @Override
    public void remove(Observation observation) {
        if (--perRule[observation.input()] == 0) {
            present--;
        }
    }

    @Override
    public double value(Instant windowStart) {
        return present;
    }
}
