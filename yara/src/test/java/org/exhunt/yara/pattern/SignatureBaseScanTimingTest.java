package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 500 real strings from signature-base (web-shell rule files first) over the corpus web shells and
 * benign pages: matches agree with yara (an alternation may differ, see the package documentation),
 * and the time of both is printed.
 */
class SignatureBaseScanTimingTest {

    @Test
    void five_hundred_rule_strings_agree_with_yara_over_web_shells_and_benign_pages() throws Exception {
        List<RuleStrings.Def> defs = RuleStrings.load(Corpus.folder("yara/yara"), 500);
        assertThat(defs).hasSize(500);
        List<String> sources = defs.stream().map(RuleStrings.Def::yaraSource).toList();
        List<PatternSpec> specs = defs.stream().map(RuleStrings.Def::spec).toList();

        long t0 = System.nanoTime();
        PatternSet set = PatternSet.compile(specs);
        long compiled = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("webshells", "benign")) {
            try (Stream<Path> s = Files.walk(Corpus.folder(folder))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        List<byte[]> contents = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            contents.add(b);
            bytes += b.length;
        }
        // CPU time of this thread: the machine may be shared, wall time says little.
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) if (set.isSlow(i)) slow.add(sources.get(i));
        System.out.println("strings without atoms: " + slow);
        assertThat(slow).as("real strings verified at every offset").hasSizeLessThanOrEqualTo(5);
        long[] total = {0};
        for (int round = 0; round < 4; round++) {
            long s = cpu.getCurrentThreadCpuTime();
            for (byte[] b : contents) set.scan(b, (p, o, l) -> total[0]++);
            System.out.printf("pattern set: %d patterns (compiled in %d ms); round %d over %d files, %.1f MB: %d ms CPU%n",
                    specs.size(), (compiled - t0) / 1_000_000, round, files.size(), bytes / 1e6,
                    (cpu.getCurrentThreadCpuTime() - s) / 1_000_000);
        }

        Map<String, Integer> differing = new TreeMap<>();
        long ys = System.nanoTime();
        Map<String, List<List<long[]>>> expected = new java.util.HashMap<>();
        for (String folder : List.of("webshells", "benign")) expected.putAll(YaraCli.matchesInFolder(sources, Corpus.folder(folder)));
        System.out.printf("yara -s -L -p 1 over the same files (two processes, output parsed): %d ms wall%n", (System.nanoTime() - ys) / 1_000_000);
        long compared = 0;
        for (int i = 0; i < files.size(); i++) {
            List<List<long[]>> ours = YaraCli.ours(set, contents.get(i));
            List<List<long[]>> theirs = expected.get(files.get(i).toString());
            for (int p = 0; p < specs.size(); p++) {
                String want = theirs == null ? "[ ]" : YaraCli.render(theirs.get(p));
                String got = YaraCli.render(ours.get(p));
                compared += ours.get(p).size();
                if (!want.equals(got)) differing.merge(sources.get(p), 1, Integer::sum);
            }
        }
        differing.forEach((k, v) -> System.out.println("differs in " + v + " files: " + k));
        System.out.println("matches compared: " + compared);
        assertThat(compared).isGreaterThan(10_000);
        assertThat(differing.keySet()).as("strings whose matches differ from yara's")
                .allMatch(s -> s.contains("|"));
    }
}
