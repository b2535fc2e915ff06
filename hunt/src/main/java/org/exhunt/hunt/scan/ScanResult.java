package org.exhunt.hunt.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;

/**
 * Everything a scan found, before it is judged and written out.
 *
 * @param exposure the server's build and the CVEs still open on it, as far as the evidence tells
 * @param host     the server the evidence comes from, as its logs name it, or {@code null}
 */
public record ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                         Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                         List<Finding> findings, List<ScanError> errors, Exposure exposure, String host) {

    public ScanResult {
        if (exposure == null) exposure = Exposure.UNKNOWN;
    }

    /** A result whose evidence names no host. */
    public ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                      Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                      List<Finding> findings, List<ScanError> errors, Exposure exposure) {
        this(options, started, finished, events, ruleCounts, coverage, findings, errors, exposure, null);
    }

    /** A result without build evidence. */
    public ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                      Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                      List<Finding> findings, List<ScanError> errors) {
        this(options, started, finished, events, ruleCounts, coverage, findings, errors, Exposure.UNKNOWN, null);
    }

    /** Whether any finding is at or above the fail level (the exit code's question). */
    public boolean hasFindingsAtFailLevel() {
        Level fail = options.failLevel();
        return findings.stream().anyMatch(f -> f.level().atLeast(fail));
    }
}
