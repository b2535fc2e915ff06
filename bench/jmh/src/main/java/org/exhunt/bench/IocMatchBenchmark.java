package org.exhunt.bench;

import java.util.concurrent.TimeUnit;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.ioc.IocMatcher;
import org.exhunt.hunt.ioc.IocSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in IOC lists matched against retained IIS W3C events (an ordinary day and a
 * ProxyLogon attack day), in events per second. Almost every event matches nothing, which is
 * the case this kernel must make cheap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IocMatchBenchmark {

    /** Events per benchmark call; the score is per event. */
    static final int EVENTS = 8192;

    private IocMatcher matcher;
    private LogEvent[] events;
    private long expectedFindings;

    @Setup
    public void setUp() {
        IocSet set = IocSet.builtIn();
        if (set.size() == 0) throw new IllegalStateException("the built-in IOC lists are empty: " + set.problems());
        matcher = set.matcher();
        events = BenchInputs.w3cEvents(EVENTS);
        expectedFindings = matchAll();
        System.out.printf("%n%d built-in indicators; %d findings in %d events%n", set.size(), expectedFindings, EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long matchRetainedEvents() {
        long found = matchAll();
        if (found != expectedFindings) {
            throw new IllegalStateException("IOC matcher found " + found + " findings, " + expectedFindings + " in setup");
        }
        return found;
    }

    private long matchAll() {
        long n = 0;
        for (LogEvent e : events) {
            n += matcher.match(e).size();
        }
        return n;
    }
}
