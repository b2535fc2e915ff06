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
 */
public record ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                         Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                         List<Finding> findings, List<ScanError> errors, Exposure exposure) {

    public ScanResult {
        if (exposure == null) exposure = Exposure.UNKNOWN;
    }

    /** A result without build evidence. */
    public ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                      Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                      List<Finding> findings, List<ScanError> errors) {
        this(options, started, finished, events, ruleCounts, coverage, findings, errors, Exposure.UNKNOWN);
    }

    /** Whether any finding is at or above the fail level (the exit code's question). */
    public boolean hasFindingsAtFailLevel() {
        Level fail = options.failLevel();
        return findings.stream().anyMatch(f -> f.level().atLeast(fail));
    }
}
