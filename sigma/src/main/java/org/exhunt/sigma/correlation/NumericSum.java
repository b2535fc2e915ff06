package org.exhunt.sigma.correlation;

import java.math.BigDecimal;
import java.time.Instant;

/** value_sum and value_avg: exact sum (or average) of the numeric values in the window. */
final class NumericSum implements WindowValue {

    private final boolean average;
    private BigDecimal sum = BigDecimal.ZERO;
    private long numbers;

    NumericSum(boolean average) {
        this.average = average;
    }

    @Override
    public void add(Observation observation) {
        if (observation.value() instanceof BigDecimal number) {
            sum = sum.add(number);
            numbers++;
        }
    }

    @Override
    public void remove(Observation observation) {
        if (observation.value() instanceof BigDecimal number) {
            sum = sum.subtract(number);
            numbers--;
        }
    }

    @Override
    public double value(Instant windowStart) {
        if (numbers == 0) {
            return average ? Double.NaN : 0;
        }
        return average ? sum.doubleValue() / numbers : sum.doubleValue();
    }
}
