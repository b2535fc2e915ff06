package org.exhunt.sigma.correlation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * value_percentile: the p-th percentile of the numeric values in the window, by the nearest-rank
 * method (the smallest value that at least p% of the values do not exceed; p = 0 is the minimum).
 */
final class NumericPercentile implements WindowValue {

    private final int percentile;
    private final TreeMap<BigDecimal, Integer> values = new TreeMap<>();
    private long numbers;

    NumericPercentile(int percentile) {
        this.percentile = percentile;
    }

    @Override
    public void add(Observation observation) {
        if (observation.value() instanceof BigDecimal number) {
            values.merge(number, 1, Integer::sum);
            numbers++;
        }
    }

    @Override
    public void remove(Observation observation) {
        if (observation.value() instanceof BigDecimal number) {
            values.computeIfPresent(number, (value, n) -> n == 1 ? null : n - 1);
            numbers--;
        }
    }

    @Override
    public double value(Instant windowStart) {
        if (numbers == 0) {
            return Double.NaN;
        }
        // ceil(p * n / 100) in whole numbers: a floating-point product could round up a rank too far.
        long rank = Math.max(1, (percentile * numbers + 99) / 100);
        long seen = 0;
        for (Map.Entry<BigDecimal, Integer> entry : values.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey().doubleValue();
            }
        }
        return values.lastKey().doubleValue();
    }
}
