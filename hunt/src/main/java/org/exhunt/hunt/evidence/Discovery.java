package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Finds every file under the inputs (files, folders, zip archives nested up to the depth limit,
 * gzip files) and classifies each by its content. Nothing under an input is ever written.
 *
 * <p>Archives stay open for reading until {@link #close()}, which also deletes the temporary
 * copies of nested archives (made outside the evidence, in the system temporary folder).
 */
public final class Discovery implements AutoCloseable {

    private final List<Classified> files;
    private final List<DiscoveryProblem> problems;
    private final List<ZipFile> archives;
    private final Path tempDir;

    private Discovery(EvidenceWalker walker) {
        List<Classified> sorted = new ArrayList<>(walker.files);
        sorted.sort(Comparator.comparing(c -> c.file().path()));
        List<DiscoveryProblem> problemsSorted = new ArrayList<>(walker.problems);
        problemsSorted.sort(Comparator.comparing(DiscoveryProblem::path));
        this.files = List.copyOf(sorted);
        this.problems = List.copyOf(problemsSorted);
        this.archives = List.copyOf(walker.openArchives);
        this.tempDir = walker.tempDir();
    }

    /** Walks and classifies the inputs now; problems are collected, never thrown. */
    public static Discovery of(List<Path> inputs, EvidenceLimits limits) {
        EvidenceWalker walker = new EvidenceWalker(limits);
        for (Path input : inputs) walker.input(input);
        return new Discovery(walker);
    }

    /** Every file found, sorted by path, each with its kind. */
    public List<Classified> files() {
        return files;
    }

    /** Everything that could not be walked or was refused, with the reason, sorted by path. */
    public List<DiscoveryProblem> problems() {
        return problems;
    }

    /** Closes the archives and removes the temporary copies of nested archives. */
    @Override
    public void close() {
        for (ZipFile z : archives) {
            try {
                z.close();
            } catch (IOException ignored) {
                // closing a read-only archive cannot lose anything
            }
        }
        if (tempDir != null) {
            try (Stream<Path> walk = Files.walk(tempDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // the system temporary folder is cleaned by the system in the end
            }
        }
    }
}
