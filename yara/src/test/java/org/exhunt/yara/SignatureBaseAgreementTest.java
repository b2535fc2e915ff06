package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every signature-base rule file is accepted or rejected by us exactly when {@code yarac} 4.2.3
 * accepts or rejects it, each file compiled on its own as {@code yarac FILE} does.
 */
class SignatureBaseAgreementTest {

    @Test
    void acceptsAndRejectsEachSignatureBaseFileAsYaracDoes() throws Exception {
        Yarac.requireInstalled();
        List<Path> files = ruleFiles(Corpus.path("yara/yara"));
        assertThat(files).hasSizeGreaterThan(700);

        List<String> disagreements = new ArrayList<>();
        long ourNanos = 0;
        long yaracNanos = 0;
        int agreed = 0;
        int accepted = 0;
        for (Path f : files) {
            long t0 = System.nanoTime();
            YaraCompiler compiler = new YaraCompiler();
            boolean ours = compiler.addFile(f);
            long t1 = System.nanoTime();
            boolean theirs = Yarac.accepts(f);
            long t2 = System.nanoTime();
            ourNanos += t1 - t0;
            yaracNanos += t2 - t1;
            if (ours) {
                accepted++;
            }
            if (ours == theirs) {
                agreed++;
            } else {
                disagreements.add(f.getFileName() + ": yarac " + (theirs ? "accepts" : "rejects") + ", we "
                        + (ours ? "accept" : "reject") + " " + compiler.rules().problems());
            }
        }
        double agreement = 100.0 * agreed / files.size();
        System.out.printf("signature-base: %d files, %d accepted by us, agreement with yarac %.2f%%; "
                        + "file by file: parse+check %.2f s, yarac (one process per file) %.2f s%n",
                files.size(), accepted, agreement, ourNanos / 1e9, yaracNanos / 1e9);
        printWholeSetTiming(files);
        disagreements.forEach(d -> System.out.println("  disagreement: " + d));
        assertThat(agreement).as("agreement with yarac; disagreements: %s", disagreements).isGreaterThanOrEqualTo(99.0);
    }

    /** All files in one compiler, against one yarac process given all files: the fairer speed figure. */
    private static void printWholeSetTiming(List<Path> files) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        YaraCompiler all = new YaraCompiler();
        files.forEach(all::addFile);
        long t1 = System.nanoTime();
        boolean yaracOk = Yarac.acceptsAll(files);
        long t2 = System.nanoTime();
        System.out.printf("signature-base as one set: parse+check %.2f s (%d rules), yarac %.2f s (%s)%n",
                (t1 - t0) / 1e9, all.rules().rules().size(), (t2 - t1) / 1e9, yaracOk ? "accepted" : "rejected");
    }

    static List<Path> ruleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yar") || p.toString().endsWith(".yara")).sorted().toList();
        }
    }
}
