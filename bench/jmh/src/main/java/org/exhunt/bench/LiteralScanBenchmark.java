package org.exhunt.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.sigma.prefilter.LiteralAutomaton;
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
 * Case-insensitive search for many literals in one field value: the Aho–Corasick automaton
 * against the obvious reference, lower-casing the value and calling {@link String#contains} once
 * per literal. Both run in the same fork on the same values, so their ratio is what to quote.
 *
 * <p>Literals are the built-in IOC values (paths, web-shell names, user agents); values are the
 * request path, query and user agent of real IIS W3C events of an ordinary day and an attack
 * day. Setup checks that both find the same number of (value, literal) hits, so neither side
 * can win by finding less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiteralScanBenchmark {

    /** Field values per benchmark call; the score is per value. */
    static final int VALUES = 8192;

    private static final List<String> FIELDS = List.of("cs-uri-stem", "cs-uri-query", "cs-user-agent");

    private LiteralAutomaton automaton;
    private String[] lowerLiterals;
    private String[] values;
    /** Per literal, the value index that last reported it: counts each literal once per value. */
    private int[] seenIn;

    @Setup
    public void setUp() {
        List<String> literals = new ArrayList<>();
        for (String l : IocSet.builtIn().literals()) {
            if (!l.isEmpty()) literals.add(l);
        }
        if (literals.isEmpty()) throw new IllegalStateException("the built-in IOC lists give no literals");
        automaton = LiteralAutomaton.of(literals);
        lowerLiterals = literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        seenIn = new int[literals.size()];

        // Values of both days, spread evenly over all of them, so the attack day's hits are in.
        List<String> found = new ArrayList<>();
        for (LogEvent e : BenchInputs.w3cEvents()) {
            for (String f : FIELDS) {
                if (e.get(f) instanceof String s && !s.isEmpty()) found.add(s);
            }
        }
        values = new String[VALUES];
        for (int i = 0; i < VALUES; i++) values[i] = found.get((int) ((long) i * found.size() / VALUES));

        long byAutomaton = automaton();
        long byContains = naiveContains();
        if (byAutomaton != byContains) {
            throw new IllegalStateException("automaton found " + byAutomaton + " hits, String.contains " + byContains);
        }
        System.out.printf("%n%d literals, %d values, %d hits%n", literals.size(), VALUES, byAutomaton);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long automaton() {
        Arrays.fill(seenIn, -1);
        long[] hits = new long[1];
        for (int v = 0; v < values.length; v++) {
            int value = v;
            automaton.scan(values[v], lit -> {
                if (seenIn[lit] != value) {
                    seenIn[lit] = value;
                    hits[0]++;
                }
            });
        }
        return hits[0];
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long naiveContains() {
        long hits = 0;
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            for (String lit : lowerLiterals) {
                if (lower.contains(lit)) hits++;
            }
        }
        return hits;
    }
}
