package org.exhunt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.sigma.Logsource;
import org.exhunt.sigma.Matcher;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.SigmaEngine;
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
 * The Sigma matcher over Windows events with every SigmaHQ rule loaded (rules,
 * rules-emerging-threats, rules-threat-hunting), in events per second: the events of the corpus
 * EVTX files, read and flattened in setup, each matched against the rules of its own logsource.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowsSigmaMatchBenchmark {

    static final int EVENTS = 8192;

    private LogEvent[] events;
    private Matcher[] matchers;
    private long expectedMatches;

    @Setup
    public void setUp() throws IOException {
        Path corpus = BenchInputs.corpus();
        RuleLoader loader = new RuleLoader();
        for (String set : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            loader.addPath(corpus.resolve("sigma").resolve(set));
        }
        SigmaEngine engine = SigmaEngine.compile(loader.load(), Pipeline.none());
        List<LogEvent> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus.resolve("evtx"))) {
            for (Path p : walk.filter(f -> f.toString().toLowerCase().endsWith(".evtx")).sorted().toList()) {
                all.addAll(BenchInputs.readRetained(new BenchInputs.Input(p.getFileName().toString(),
                        SourceKind.WINDOWS_EVTX, p, Files.readAllBytes(p))));
                if (all.size() >= EVENTS) break;
            }
        }
        events = new LogEvent[EVENTS];
        matchers = new Matcher[EVENTS];
        Map<Logsource, Matcher> byLogsource = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            events[i] = all.get(i % all.size());
            matchers[i] = byLogsource.computeIfAbsent(events[i].logsource(), engine::matcherFor);
        }
        expectedMatches = matchAll();
        System.out.printf("%n%d rules compiled, %d logsources among %d events, %d matches per call%n",
                engine.compiledRules(), byLogsource.size(), EVENTS, expectedMatches);
    }

    private long matchAll() {
        long[] n = {0};
        for (int i = 0; i < EVENTS; i++) matchers[i].match(events[i], m -> n[0]++);
        return n[0];
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long match() {
        long n = matchAll();
        if (n != expectedMatches) throw new IllegalStateException("found " + n + " matches, expected " + expectedMatches);
        return n;
    }
}
