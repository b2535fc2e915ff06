package org.exhunt.hunt.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;

/** Everything a scan found, before it is judged and written out. */
public record ScanResult(ScanOptions options, Instant started, Instant finished, long events,
                         Map<String, Integer> ruleCounts, List<FileCoverage> coverage,
                         List<Finding> findings, List<ScanError> errors) {

    /** Whether any finding is at or above the fail level (the exit code's question). */
    public boolean hasFindingsAtFailLevel() {
        Level fail = options.failLevel();
        return findings.stream().anyMatch(f -> f.level().atLeast(fail));
    }
}
