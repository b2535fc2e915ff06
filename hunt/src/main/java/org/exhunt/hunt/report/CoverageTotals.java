package org.exhunt.hunt.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of input files per coverage status, every status present (zero included) in a fixed order. */
final class CoverageTotals {

    private CoverageTotals() {
    }

    static Map<String, Long> byStatus(List<FileCoverage> files) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String status : FileCoverage.STATUSES) {
            totals.put(status, 0L);
        }
        for (FileCoverage file : files) {
            totals.merge(file.status(), 1L, Long::sum);
        }
        return totals;
    }

    static long events(List<FileCoverage> files) {
        return files.stream().mapToLong(FileCoverage::events).sum();
    }
}
