package org.exhunt.hunt.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhunt.hunt.finding.Level;

/**
 * What to scan and how.
 *
 * @param inputs       files, folders and archives holding the evidence
 * @param rulePaths    extra rule files or folders (Sigma YAML), added to the built-in pack
 * @param defaultRules whether the built-in rule pack is loaded
 * @param since        events before this instant are ignored, or {@code null}
 * @param until        events after this instant are ignored, or {@code null}
 * @param threads      worker threads reading files in parallel (at least 1)
 * @param failLevel    findings at or above this level make the scan "fail" (exit code 1)
 * @param iocFeeds     indicator feeds (STIX, MISP, CSV, CHIRP, plain lists, our own lists), files or folders
 */
public record ScanOptions(List<Path> inputs, List<Path> rulePaths, boolean defaultRules,
                          Instant since, Instant until, int threads, Level failLevel, List<Path> iocFeeds) {

    public ScanOptions {
        inputs = List.copyOf(inputs);
        rulePaths = List.copyOf(rulePaths);
        iocFeeds = List.copyOf(iocFeeds);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until);
        }
    }

    /** Options without indicator feeds. */
    public ScanOptions(List<Path> inputs, List<Path> rulePaths, boolean defaultRules,
                       Instant since, Instant until, int threads, Level failLevel) {
        this(inputs, rulePaths, defaultRules, since, until, threads, failLevel, List.of());
    }

    /** Defaults for scanning {@code inputs}: built-in rules, every core, fail at medium. */
    public static ScanOptions of(List<Path> inputs) {
        return new ScanOptions(inputs, List.of(), true, null, null,
                Runtime.getRuntime().availableProcessors(), Level.MEDIUM);
    }

    boolean inTimeRange(Instant t) {
        if (t == null) return true; // an event without time can't be ruled out
        if (since != null && t.isBefore(since)) return false;
        return until == null || !t.isAfter(until);
    }
}
