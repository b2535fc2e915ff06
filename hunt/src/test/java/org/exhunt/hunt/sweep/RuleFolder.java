package org.exhunt.hunt.sweep;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's YARA rules are, for tests that read them from the working tree. */
final class RuleFolder {

    private RuleFolder() {
    }

    /** The {@code rules/yara} folder; fails loudly when it cannot be found. */
    static Path yara() {
        String root = System.getProperty("exhunt.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("rules").resolve("yara");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("rules/yara not found from " + start
                + " (set system property exhunt.root to the repository root)");
    }
}
