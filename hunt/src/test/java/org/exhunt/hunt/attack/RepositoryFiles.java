package org.exhunt.hunt.attack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's rule pack is, for tests that read or regenerate it in the working tree. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's {@code rules} folder; fails loudly when it cannot be found. */
    static Path rulesFolder() {
        String root = System.getProperty("exhunt.root");
        Path start = root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("rules");
            if (Files.isDirectory(candidate.resolve("sigma"))) return candidate;
        }
        throw new AssertionError("the repository's rules/ folder was not found from " + start
                + " (set system property exhunt.root to the repository root)");
    }

    static Path attackFolder() {
        return rulesFolder().resolve("attack");
    }
}
