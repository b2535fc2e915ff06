package org.exhunt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Sigma matcher for IIS W3C events, in events per second: the built-in rule pack alone, and
 * with SigmaHQ's web rules added (many more rules, most of which never match an Exchange
 * server's traffic, so this mostly measures how cheaply a rule is ruled out).
 *
 * <p>Events are read and retained in setup (an ordinary day and a ProxyLogon attack day), so
 * the score is matching alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigmaMatchBenchmark {

    /** Events per benchmark call; the score is per event. */
    static final int EVENTS = 8192;

    @Param({"builtin", "builtin+sigmahq-web"})
    public String rules;

    private Matcher matcher;
    private LogEvent[] events;
    /** Matches found in one pass, counted in setup; the benchmark checks it finds the same. */
    private long expectedMatches;

    @Setup
    public void setUp() throws IOException {
        Path root = BenchInputs.projectRoot();
        RuleLoader loader = new RuleLoader().addPath(root.resolve("rules/sigma"));
        if (rules.equals("builtin+sigmahq-web")) {
            Path web = BenchInputs.corpus().resolve("sigma/rules/web");
            if (!Files.isDirectory(web)) throw new IllegalStateException("SigmaHQ web rules missing: " + web);
            loader.addPath(web);
        } else if (!rules.equals("builtin")) {
            throw new IllegalArgumentException("unknown rule set '" + rules + "'");
        }
        Path pipelineFile = root.resolve("rules/pipelines/exhunt.yml");
        Pipeline pipeline;
        try {
            pipeline = Pipeline.parse(pipelineFile.toString(), Files.readString(pipelineFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pipelineFile, e);
        }
        SigmaEngine engine = SigmaEngine.compile(loader.load(), pipeline);
        matcher = engine.matcherFor(SourceKind.IIS_W3C.logsource());
        if (matcher.ruleCount() == 0) throw new IllegalStateException("no rule applies to IIS W3C events");
        events = BenchInputs.w3cEvents(EVENTS);
        expectedMatches = matchAll();
        System.out.printf("%n[%s] %d rules for IIS W3C, %d compiled in all, %d rule problems; %d matches in %d events%n",
                rules, matcher.ruleCount(), engine.compiledRules(), engine.problems().size(), expectedMatches, EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long matchRetainedEvents() {
        long found = matchAll();
        if (found != expectedMatches) {
            throw new IllegalStateException("matcher found " + found + " matches, " + expectedMatches + " in setup");
        }
        return found;
    }

    private long matchAll() {
        long[] n = new long[1];
        for (LogEvent e : events) {
            matcher.match(e, m -> n[0]++);
        }
        return n[0];
    }
}
