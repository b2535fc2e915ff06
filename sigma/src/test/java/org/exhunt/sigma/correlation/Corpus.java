package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared public test corpus; a missing corpus fails the test that needs it. */
final class Corpus {

    private Corpus() {
    }

    static Path path(String relative) {
        String configured = System.getProperty("exhunt.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus");
        if (configured == null && !Files.isDirectory(root)) {
            root = Path.of("..", "shared", "corpus");
        }
        Path file = root.resolve(relative);
        assertThat(Files.exists(file))
                .as("corpus file %s is missing (set -Dexhunt.corpus to the corpus folder)", file.toAbsolutePath())
                .isTrue();
        return file;
    }
}
