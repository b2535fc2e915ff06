package org.exhunt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhunt.yara.ScanOptions;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraScanner;
import org.exhunt.yara.pattern.PatternSet;
import org.exhunt.yara.pattern.PatternSpec;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The YARA kernels with all of signature-base over the corpus web shells and benign pages, held
 * in memory: the whole scan (one search for every string, then every condition), the search
 * alone, and the regular-expression strings alone. Each operation is one pass over all files;
 * divide the files' size by the time for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YaraScanBenchmark {

    YaraScanner scanner;
    PatternSet allStrings;
    PatternSet regexStrings;
    List<byte[]> files;
    long bytes;

    @Setup
    public void load() throws IOException {
        YaraCompiler compiler = new YaraCompiler();
        try (Stream<Path> s = Files.list(BenchInputs.corpus().resolve("yara/yara"))) {
            s.filter(p -> p.toString().endsWith(".yar")).sorted().forEach(compiler::addFile);
        }
        scanner = YaraScanner.of(compiler.rules());
        // The same patterns the scanner searches, once each, as it deduplicates them.
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<PatternSpec> all = new ArrayList<>();
        List<PatternSpec> regexes = new ArrayList<>();
        for (Rule r : compiler.rules().rules()) {
            for (StringDef d : r.strings()) {
                PatternSpec spec = YaraScanner.patternOf(d);
                if (!seen.add(spec.kind() + " " + spec)) continue;
                all.add(spec);
                if (d instanceof StringDef.RegexString) regexes.add(spec);
            }
        }
        allStrings = PatternSet.compile(all);
        regexStrings = PatternSet.compile(regexes);
        files = new ArrayList<>();
        for (String folder : List.of("webshells", "benign")) {
            try (Stream<Path> s = Files.walk(BenchInputs.corpus().resolve(folder))) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                    byte[] b = Files.readAllBytes(p);
                    files.add(b);
                    bytes += b.length;
                }
            }
        }
        System.out.printf("%n%d rules, %d strings (%d regexes) over %d files, %.1f MB%n", scanner.ruleCount(),
                all.size(), regexes.size(), files.size(), bytes / 1e6);
    }

    @Benchmark
    public void wholeScan(Blackhole bh) {
        ScanOptions options = ScanOptions.defaults().withStrings(false);
        for (byte[] f : files) {
            bh.consume(scanner.scan(f, options));
        }
    }

    @Benchmark
    public void searchOnly(Blackhole bh) {
        long[] n = {0};
        for (byte[] f : files) {
            allStrings.scan(f, (p, o, l) -> n[0]++);
        }
        bh.consume(n[0]);
    }

    @Benchmark
    public void regexStringsOnly(Blackhole bh) {
        long[] n = {0};
        for (byte[] f : files) {
            regexStrings.scan(f, (p, o, l) -> n[0]++);
        }
        bh.consume(n[0]);
    }
}
