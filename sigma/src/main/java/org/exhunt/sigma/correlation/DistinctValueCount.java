package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** value_count: how many distinct values (of all condition fields together) are in the window. */
final class DistinctValueCount implements WindowValue {

    private final Map<Object, Integer> occurrences = new HashMap<>();

    @Override
    public void add(Observation observation) {
        if (observation.value() != null) {
            occurrences.merge(observation.value(), 1, Integer::sum);
        }
    }

    @Override
    public void remove(Observation observation) {
        if (observation.value() != null) {
            occurrences.computeIfPresent(observation.value(), (value, n) -> n == 1 ? null : n - 1);
        }
    }

    @Override
    public double value(Instant windowStart) {
        return occurrences.size();
    }
}
