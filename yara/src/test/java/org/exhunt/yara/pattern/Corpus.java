package org.exhunt.yara.pattern;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared public test corpus; a missing folder fails the test that needs it. */
final class Corpus {

    private Corpus() {}

    static Path folder(String name) {
        String prop = System.getProperty("exhunt.corpus");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus").normalize();
        Path f = root.resolve(name);
        if (!Files.isDirectory(f)) {
            throw new AssertionError("corpus folder missing: " + f + " (set -Dexhunt.corpus to the shared corpus)");
        }
        return f;
    }
}
