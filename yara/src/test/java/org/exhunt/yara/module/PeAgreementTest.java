package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Every {@code pe} value we compute (fields, arrays, dictionaries and function results) is
 * confirmed by the reference yara on the same file.
 */
class PeAgreementTest {

    private static final Path PERF_PE = Path.of("/usr/lib/perf-core/tests/pe-file.exe");

    @Test
    void non_pe_data_has_only_constants_and_is_pe_zero() throws Exception {
        byte[] text = "MZ but not a PE file at all, just text".getBytes();
        List<String> conditions = PeChecks.conditions(text);
        assertThat(conditions).contains("pe.is_pe == 0", "not defined pe.number_of_sections", "not defined pe.imphash()");
        assertThat(YaraOracle.unconfirmed("pe", conditions, text)).isEmpty();
    }

    @Test
    @EnabledIf("machineHasPeFiles")
    void machine_pe_files_agree_with_yara() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Sample s : machinePeFiles()) {
            List<String> conditions = PeChecks.conditions(s.data());
            checked += conditions.size();
            for (String c : YaraOracle.unconfirmed("pe", conditions, s.data())) {
                problems.add(s.name() + ": " + c);
            }
        }
        System.out.println("pe values confirmed by yara on machine files: " + checked);
        assertThat(problems).isEmpty();
    }

    static boolean machineHasPeFiles() throws IOException {
        return !machinePeFiles().isEmpty();
    }

    record Sample(String name, byte[] data) {
    }

    /** pe-file.exe from perf's tests and the Windows DLLs inside jars of the local Maven repository, when present. */
    static List<Sample> machinePeFiles() throws IOException {
        List<Sample> samples = new ArrayList<>();
        if (Files.isRegularFile(PERF_PE)) {
            samples.add(new Sample(PERF_PE.toString(), Files.readAllBytes(PERF_PE)));
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        for (String jar : List.of("net/java/dev/jna/jna/5.13.0/jna-5.13.0.jar")) {
            Path p = m2.resolve(jar);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(p))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(".dll")) {
                        samples.add(new Sample(p.getFileName() + "!" + e.getName(), readAll(z)));
                    }
                }
            }
        }
        try (Stream<Path> jansi = Files.exists(Path.of(System.getProperty("user.home"), ".m2"))
                ? Files.walk(Path.of(System.getProperty("user.home"), ".m2"), 8).filter(f -> f.toString().endsWith("jansi-2.4.1.jar")).limit(1)
                : Stream.empty()) {
            for (Path p : (Iterable<Path>) jansi::iterator) {
                try (ZipInputStream z = new ZipInputStream(Files.newInputStream(p))) {
                    for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                        if (e.getName().endsWith(".dll")) {
                            samples.add(new Sample(p.getFileName() + "!" + e.getName(), readAll(z)));
                        }
                    }
                }
            }
        }
        return samples;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
