package org.exhunt.evtx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Records per second over every .evtx under a folder, files read into memory first so that disk
 * speed does not count: {@code java -cp ... org.exhunt.evtx.EvtxBenchmark FOLDER [ROUNDS]}. Prints
 * the median of the rounds (after a warm-up of at least three rounds and five seconds) for parsing alone, parsing plus XML, and parsing
 * plus XML on all cores. Run by {@code bench/evtx.sh}; not a unit test.
 */
public final class EvtxBenchmark {

    private EvtxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<byte[]> files = load(folder);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            run("parse", files, rounds, EvtxReader.sequential(), false);
            run("parse+xml", files, rounds, EvtxReader.sequential(), true);
            run("parse+xml, parallel chunks", files, rounds, EvtxReader.parallel(pool), true);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(String label, List<byte[]> files, int rounds, EvtxReader reader, boolean xml) {
        long[] records = {0};
        long[] chars = {0};
        RecordSink sink = xml ? r -> {
            chars[0] += r.toXml().length();
            records[0]++;
        } : r -> records[0]++;
        double[] seconds = new double[rounds];
        double[] cpu = new double[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm up for at least three rounds and five seconds, so the JIT has compiled the hot paths.
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        for (int warm = 0; warm < 3 || System.nanoTime() < warmUntil; warm++) {
            for (byte[] f : files) {
                reader.read(f, sink);
            }
        }
        for (int round = 0; round < rounds; round++) {
            records[0] = 0;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (byte[] f : files) {
                reader.read(f, sink);
            }
            if (round >= 0) {
                seconds[round] = (System.nanoTime() - start) / 1e9;
                cpu[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        double median = seconds[rounds / 2];
        double medianCpu = cpu[rounds / 2];
        // CPU time of the calling thread only means something when it does all the work.
        String cpuText = label.contains("parallel") ? "" : String.format(", CPU %.3f s, %.0f records per CPU-second", medianCpu, records[0] / medianCpu);
        System.out.printf("%-28s %d files, %d records, median of %d rounds: wall %.3f s, %.0f records/s%s%n",
                label, files.size(), records[0], rounds, median, records[0] / median, cpuText);
    }

    private static List<byte[]> load(Path folder) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".evtx")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }
}
