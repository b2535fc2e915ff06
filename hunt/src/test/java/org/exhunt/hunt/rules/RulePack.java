package org.exhunt.hunt.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's rule pack is, for tests that read it from the working tree. */
final class RulePack {

    private RulePack() {
    }

    /** The {@code rules/sigma} folder; fails loudly when it cannot be found. */
    static Path sigmaFolder() {
        String root = System.getProperty("exhunt.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("rules").resolve("sigma");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("rules/sigma not found from " + start
                + " (set system property exhunt.root to the repository root)");
    }

    /** Every rule file, as paths relative to {@code rules/sigma} with {@code /} separators, sorted. */
    static List<String> ruleFiles() {
        Path folder = sigmaFolder();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".yml"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list " + folder + ": " + e, e);
        }
    }
}
