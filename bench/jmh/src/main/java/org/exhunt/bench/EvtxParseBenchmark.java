package org.exhunt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.exhunt.evtx.EvtxReader;
import org.exhunt.evtx.EvtxSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The EVTX kernel: chunk headers, BinXML with templates and substitutions, into records, over
 * every file of the corpus EVTX folder held in memory. One call parses them all; the score is
 * calls per second, and the setup prints the record count, so records/s = score × records.
 * A record that is one template instance builds its element tree only when asked for, so
 * {@code parse} measures template and substitution values alone, {@code parseAndBuildTree} adds
 * the tree, and {@code render} adds what a dump does with each record (its JSON).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvtxParseBenchmark {

    private final List<byte[]> files = new ArrayList<>();
    private long records;

    @Setup
    public void setUp() throws IOException {
        Path dir = BenchInputs.corpus().resolve("evtx");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().toLowerCase().endsWith(".evtx")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (files.isEmpty()) throw new IllegalStateException("no .evtx files under " + dir);
        for (byte[] f : files) records += EvtxReader.sequential().read(f, r -> { }).records();
        System.out.printf("%n%d EVTX files, %d records per call%n", files.size(), records);
    }

    @Benchmark
    public long parse(Blackhole bh) {
        long n = 0;
        for (byte[] f : files) {
            EvtxSummary s = EvtxReader.sequential().read(f, bh::consume);
            n += s.records();
        }
        if (n != records) throw new IllegalStateException("parsed " + n + " records, expected " + records);
        return n;
    }

    @Benchmark
    public long parseAndBuildTree(Blackhole bh) {
        long n = 0;
        for (byte[] f : files) {
            n += EvtxReader.sequential().read(f, r -> bh.consume(r.root())).records();
        }
        return n;
    }

    @Benchmark
    public long parseAndRenderJson(Blackhole bh) {
        long n = 0;
        for (byte[] f : files) {
            n += EvtxReader.sequential().read(f, r -> bh.consume(r.toJson())).records();
        }
        return n;
    }
}
