package org.exhunt.sigma.correlation;

import java.time.Instant;

/** event_count: how many matches are in the window. */
final class EventCount implements WindowValue {

    private long count;

    @Override
    public void add(Observation observation) {
        count++;
    }

    @Override
    public void remove(Observation observation) {
        count--;
    }

    @Override
    public double value(Instant windowStart) {
        return count;
    }
}
