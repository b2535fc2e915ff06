package org.exhunt.bench;

import java.util.concurrent.TimeUnit;

import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * exhunt's log readers over a whole in-memory file: IIS W3C and Exchange HttpProxy CSV.
 *
 * <p>The primary score is files per second; the {@code bytes} and {@code events} secondary
 * scores are the same throughput per byte and per event. {@code readOnly} only counts events,
 * which a lazily splitting reader can do without decoding fields; {@code readAndAskFields} asks
 * every event for its path and user agent, as the IOC matcher and most web rules do, so the
 * gap between the two is the cost of decoding those fields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadBenchmark {

    @Param({"w3c-busy", "w3c-compromised", "w3c-tunna", "httpproxy-owa", "httpproxy-mapi"})
    public String input;

    private EventReader reader;
    private EvidenceFile file;
    private long size;

    /** Bytes and events handed over, reported by JMH as rates next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Volume {
        public long bytes;
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            events = 0;
        }
    }

    @Setup
    public void setUp() {
        BenchInputs.Input in = BenchInputs.input(input);
        reader = Readers.forKind(in.kind());
        file = in.file();
        size = in.bytes().length;
        // Read once outside the measurement so a broken input fails here, loudly.
        BenchInputs.readRetained(in);
    }

    @Benchmark
    public ReadResult readOnly(Volume volume) {
        long[] n = new long[1];
        ReadResult r = reader.read(file, e -> n[0]++);
        volume.bytes += size;
        volume.events += n[0];
        return r;
    }

    @Benchmark
    public ReadResult readAndAskFields(Volume volume, Blackhole bh) {
        long[] n = new long[1];
        ReadResult r = reader.read(file, e -> {
            n[0]++;
            consumeFields(e, bh);
        });
        volume.bytes += size;
        volume.events += n[0];
        return r;
    }

    private static void consumeFields(LogEvent e, Blackhole bh) {
        bh.consume(e.get("cs-uri-stem"));
        bh.consume(e.get("cs-user-agent"));
    }
}
