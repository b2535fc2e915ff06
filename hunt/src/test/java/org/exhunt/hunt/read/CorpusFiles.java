package org.exhunt.hunt.read;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the shared public test corpus; a missing file fails the test, loudly. */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("exhunt.corpus");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        String projectRoot = System.getProperty("exhunt.root");
        Path base = projectRoot != null ? Path.of(projectRoot) : Path.of("").toAbsolutePath().getParent();
        return base.resolve("../shared/corpus").normalize();
    }

    /** The corpus file at {@code relative}, or a test failure that says where it was looked for. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("corpus file missing: " + p + " (set -Dexhunt.corpus to the shared corpus folder)");
        }
        return p;
    }
}
