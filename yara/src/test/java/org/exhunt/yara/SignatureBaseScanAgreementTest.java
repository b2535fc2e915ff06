package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All of signature-base over the corpus web shells, benign pages, EVTX files and logs: the set
 * of (rule, file) matches is exactly what the reference {@code yara -r} prints with the same
 * {@code -d} values.
 */
class SignatureBaseScanAgreementTest {

    static final Map<String, Object> DEFINES = Map.of("filename", "page.aspx", "filepath", "C:\\inetpub\\wwwroot\\aspnet_client",
            "extension", ".aspx", "filetype", "ASPX", "owner", "IIS APPPOOL");
    static final List<String> FOLDERS = List.of("webshells", "benign", "evtx", "logs");

    @Test
    void rule_and_file_pairs_equal_what_yara_prints_for_the_whole_corpus() throws Exception {
        Yarac.requireInstalled();
        List<Path> ruleFiles = ruleFiles();
        YaraCompiler compiler = new YaraCompiler();
        DEFINES.forEach(compiler::defineExternal);
        ruleFiles.forEach(compiler::addFile);
        YaraRules rules = compiler.rules();
        assertThat(rules.rejectedFiles()).isEmpty();
        YaraScanner scanner = YaraScanner.of(rules);
        assertThat(scanner.problems()).isEmpty();

        Set<String> ours = new TreeSet<>();
        long cpu = threadCpu();
        long bytes = 0;
        for (String folder : FOLDERS) {
            for (Path f : files(Corpus.path(folder))) {
                byte[] data = Files.readAllBytes(f);
                bytes += data.length;
                ScanResult r = scanner.scan(data, ScanOptions.defaults().withStrings(false));
                r.matches().forEach(m -> ours.add(m.rule() + " " + f));
            }
        }
        long ourCpu = threadCpu() - cpu;

        long t0 = System.nanoTime();
        Set<String> theirs = new TreeSet<>();
        for (String folder : FOLDERS) {
            theirs.addAll(yara(ruleFiles, Corpus.path(folder)));
        }
        System.out.printf("signature-base (%d rules, %d strings) over %.1f MB: ours %d ms CPU, one thread; yara -r -p 1 %d ms wall%n",
                scanner.ruleCount(), scanner.patternCount(), bytes / 1e6, ourCpu / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        Set<String> missing = new TreeSet<>(theirs);
        missing.removeAll(ours);
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(theirs);
        missing.forEach(m -> System.out.println("only yara: " + m));
        extra.forEach(m -> System.out.println("only ours: " + m));
        assertThat(theirs).as("yara's matches").hasSizeGreaterThan(1000);
        assertThat(missing).as("matches yara finds and we do not").isEmpty();
        assertThat(extra).as("matches we find and yara does not").isEmpty();
    }

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> s = Files.list(Corpus.path("yara/yara"))) {
            return s.filter(p -> p.toString().endsWith(".yar")).sorted().toList();
        }
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** "RULE PATH" lines of {@code yara -r} with every rule file compiled together. */
    static List<String> yara(List<Path> ruleFiles, Path target) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/yara", "-w", "-r", "-p", "1"));
        DEFINES.forEach((k, v) -> {
            cmd.add("-d");
            cmd.add(k + "=" + v);
        });
        ruleFiles.forEach(f -> cmd.add(f.toString()));
        cmd.add(target.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(code).as("yara exit code").isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
