package org.exhunt.sigma.correlation;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.exhunt.sigma.CorrelationRule;

/** A correlation whose references resolved, with the matches fed to it so far. Thread-safe. */
final class CorrelationPlan {

    final CorrelationRule rule;
    final List<CorrelationInput> inputs;
    final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
    final AtomicLong arrivals = new AtomicLong();
    /** Matches that could not be placed in time. */
    final LongAdder withoutTime = new LongAdder();
    /** Matches that lacked a group-by value. */
    final LongAdder withoutGroup = new LongAdder();
    /** Numeric correlations: values that were not numbers. */
    final LongAdder notNumeric = new LongAdder();

    CorrelationPlan(CorrelationRule rule, List<CorrelationInput> inputs) {
        this.rule = rule;
        this.inputs = List.copyOf(inputs);
    }
}
