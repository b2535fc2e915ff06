package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraScanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection quality of the built-in web-shell rules on the public corpus, through our own YARA
 * engine: the web shells are positives, the benign ASP.NET pages and Exchange configuration files
 * negatives. The figures and the missed files are printed so a change of rules shows its effect.
 */
class BuiltinWebshellRulesOnCorpusTest {

    private static final double MIN_RECALL = 0.90;
    private static final double MAX_FALSE_POSITIVE_RATE = 0.01;

    private static YaraScanner scanner;

    @BeforeAll
    static void compileRules() {
        scanner = YaraScanner.of(BuiltinWebshellRulesTest.compileAll());
        assertThat(scanner.problems()).as("rules the scanner could not prepare").isEmpty();
    }

    @Test
    void rulesFindAtLeastNinetyPercentOfTheCorpusWebShells() {
        List<Path> shells = corpusFiles("webshells");
        List<Path> missed = shells.stream().filter(f -> !matches(f)).toList();
        double recall = 1.0 - (double) missed.size() / shells.size();

        System.out.printf(Locale.ROOT, "web shells: %d of %d found, recall %.2f %%%n",
                shells.size() - missed.size(), shells.size(), 100 * recall);
        missed.forEach(f -> System.out.println("  missed " + f.getFileName()));

        assertThat(recall).as("recall over %d corpus web shells, missed: %s", shells.size(), names(missed))
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void rulesMatchAtMostOnePercentOfTheBenignFiles() {
        Path benignRoot = CorpusFiles.root().resolve("benign");
        List<Path> benign = corpusFiles("benign");
        List<Path> flagged = benign.stream().filter(BuiltinWebshellRulesOnCorpusTest::matches).toList();
        double rate = (double) flagged.size() / benign.size();

        System.out.printf(Locale.ROOT, "benign: %d of %d matched, false positives %.2f %%%n",
                flagged.size(), benign.size(), 100 * rate);
        flagged.forEach(f -> System.out.println("  matched " + benignRoot.relativize(f) + ": " + rulesMatching(f)));

        assertThat(rate).as("false positive rate over %d benign files, matched: %s", benign.size(), names(flagged))
                .isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
    }

    private static boolean matches(Path file) {
        return !scan(file).matches().isEmpty();
    }

    private static List<String> rulesMatching(Path file) {
        return scan(file).matches().stream().map(m -> m.rule()).toList();
    }

    private static ScanResult scan(Path file) {
        try {
            return scanner.scan(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every regular file under a corpus folder, sorted; an absent or empty folder fails the test. */
    private static List<Path> corpusFiles(String folder) {
        Path root = CorpusFiles.root().resolve(folder);
        if (!Files.isDirectory(root)) {
            fail("corpus folder missing: " + root + " (set -Dexhunt.corpus to the shared corpus folder)");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                    .sorted().toList();
            if (files.isEmpty()) fail("corpus folder " + root + " holds no files");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }
}
