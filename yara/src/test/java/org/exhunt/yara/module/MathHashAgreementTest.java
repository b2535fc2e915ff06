package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code math} and {@code hash} results over random buffers and corpus web shells, confirmed by yara. */
class MathHashAgreementTest {

    private static final long[][] RANGES = {{0, -1}, {0, 0}, {3, 17}, {5, 1 << 20}, {-1, 4}, {2, -1}, {1 << 30, 4}};

    @Test
    void math_and_hash_agree_with_yara_on_random_buffers() throws Exception {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 5, 6, 100, 4096}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            if (size == 100) {
                java.util.Arrays.fill(data, 10, 60, (byte) 'A');
            }
            assertAgreement(data, "random " + size);
        }
    }

    @Test
    void math_and_hash_agree_with_yara_on_corpus_webshells() throws Exception {
        Path corpus = Path.of(System.getProperty("exhunt.corpus", "../../shared/corpus"));
        Path shells = corpus.resolve("webshells");
        assertThat(shells).as("corpus folder with web shells (system property exhunt.corpus)").isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.walk(shells)) {
            files = s.filter(Files::isRegularFile).sorted().limit(8).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertAgreement(Files.readAllBytes(f), f.toString());
        }
    }

    private static void assertAgreement(byte[] data, String what) throws Exception {
        Map<String, Object> math = BuiltinRuntimes.forName("math").orElseThrow().load(data);
        Map<String, Object> hash = BuiltinRuntimes.forName("hash").orElseThrow().load(data);
        List<String> mathChecks = new ArrayList<>();
        List<String> hashChecks = new ArrayList<>();
        String sample = new String(data, 0, Math.min(data.length, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (long[] r : RANGES) {
            long size = r[1] == -1 ? data.length : r[1];
            String range = r[0] + ", " + (r[1] == -1 ? "filesize" : String.valueOf(r[1]));
            List<Object> args = List.of(r[0], size);
            for (String f : List.of("entropy", "mean", "serial_correlation", "monte_carlo_pi")) {
                mathChecks.add(YaraOracle.equal("math." + f + "(" + range + ")", call(math, f, args, data)));
            }
            mathChecks.add(YaraOracle.equal("math.deviation(" + range + ", 64.5)",
                    call(math, "deviation", List.of(r[0], size, 64.5), data)));
            mathChecks.add(YaraOracle.equal("math.count(65, " + range + ")", call(math, "count", List.of(65L, r[0], size), data)));
            mathChecks.add(YaraOracle.equal("math.percentage(65, " + range + ")",
                    call(math, "percentage", List.of(65L, r[0], size), data)));
            mathChecks.add(YaraOracle.equal("math.mode(" + range + ")", call(math, "mode", args, data)));
            for (String f : List.of("md5", "sha1", "sha256", "checksum32", "crc32")) {
                hashChecks.add(YaraOracle.equal("hash." + f + "(" + range + ")", call(hash, f, args, data)));
            }
        }
        for (String f : List.of("entropy", "mean", "serial_correlation", "monte_carlo_pi")) {
            mathChecks.add(YaraOracle.equal("math." + f + "(" + YaraOracle.quote(sample) + ")", call(math, f, List.of(sample), data)));
        }
        mathChecks.add(YaraOracle.equal("math.count(65)", call(math, "count", List.of(65L), data)));
        mathChecks.add(YaraOracle.equal("math.deviation(" + YaraOracle.quote(sample) + ", 80.0)",
                call(math, "deviation", List.of(sample, 80.0), data)));
        mathChecks.add(YaraOracle.equal("math.percentage(65)", call(math, "percentage", List.of(65L), data)));
        mathChecks.add(YaraOracle.equal("math.in_range(2.5, 1.0, 3.0)", call(math, "in_range", List.of(2.5, 1.0, 3.0), data)));
        mathChecks.add(YaraOracle.equal("math.to_number(true)", call(math, "to_number", List.of(1L), data)));
        mathChecks.add(YaraOracle.equal("math.MEAN_BYTES", math.get("MEAN_BYTES")));
        mathChecks.add(YaraOracle.equal("math.mode()", call(math, "mode", List.of(), data)));
        mathChecks.add(YaraOracle.equal("math.max(-1, 1)", call(math, "max", List.of(-1L, 1L), data)));
        mathChecks.add(YaraOracle.equal("math.min(-1, 1)", call(math, "min", List.of(-1L, 1L), data)));
        mathChecks.add(YaraOracle.equal("math.abs(-7)", call(math, "abs", List.of(-7L), data)));
        for (String f : List.of("md5", "sha1", "sha256", "checksum32", "crc32")) {
            hashChecks.add(YaraOracle.equal("hash." + f + "(" + YaraOracle.quote(sample) + ")", call(hash, f, List.of(sample), data)));
        }
        assertThat(YaraOracle.unconfirmed("math", mathChecks, data)).as(what).isEmpty();
        assertThat(YaraOracle.unconfirmed("hash", hashChecks, data)).as(what).isEmpty();
    }

    private static Object call(Map<String, Object> module, String f, List<Object> args, byte[] data) {
        return ((ModuleFunction) module.get(f)).call(args, data);
    }
}
