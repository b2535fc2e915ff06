package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared public test corpus, found through the {@code exhunt.corpus} system property (set by
 * the build) or beside the project. A test that needs it fails when it is missing.
 */
final class Corpus {

    private Corpus() {
    }

    static Path path(String relative) {
        String configured = System.getProperty("exhunt.corpus");
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            root = Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus");
        }
        Path p = root.resolve(relative).normalize();
        if (!Files.exists(p)) {
            fail("test corpus file missing: " + p + " (set -Dexhunt.corpus=<corpus folder>; see /work/shared/corpus/README.md)");
        }
        return p;
    }

    /** Every .evtx file under a corpus folder, sorted; fails when there is none. */
    static List<Path> evtxFiles(String folder) {
        try (Stream<Path> s = Files.walk(path(folder))) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".evtx")).sorted().toList();
            if (files.isEmpty()) {
                fail("no .evtx files under corpus folder " + folder);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
