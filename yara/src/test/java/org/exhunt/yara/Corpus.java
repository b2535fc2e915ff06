package org.exhunt.yara;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared public test corpus, found through the {@code exhunt.corpus} system property (the
 * build sets it) or beside the project. A test that needs it fails when it is missing.
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
            String projectRoot = System.getProperty("exhunt.root", Path.of("").toAbsolutePath().getParent().toString());
            root = Path.of(projectRoot).resolve("../shared/corpus");
        }
        Path p = root.resolve(relative).normalize();
        if (!Files.exists(p)) {
            fail("test corpus file missing: " + p + " (set -Dexhunt.corpus=<corpus folder>; see /work/shared/corpus/README.md)");
        }
        return p;
    }
}
