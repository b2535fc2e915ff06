package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.List;
import org.exhunt.hunt.report.FileCoverage;

/** What the coverage of a scan says about whether a verdict can be trusted. */
final class CoverageFacts {

    /** Kinds of log that record requests to Exchange: without one, exploitation cannot be ruled out. */
    private static final List<String> WEB_LOG_KINDS = List.of("iis-w3c", "exchange-httpproxy");

    private final int files;
    private final int failed;
    private final int skipped;
    private final int partial;
    private final int webLogs;
    private final long webEvents;
    private final Instant first;
    private final Instant last;
    private final String firstFailure;

    private CoverageFacts(int files, int failed, int skipped, int partial, int webLogs, long webEvents,
                          Instant first, Instant last, String firstFailure) {
        this.files = files;
        this.failed = failed;
        this.skipped = skipped;
        this.partial = partial;
        this.webLogs = webLogs;
        this.webEvents = webEvents;
        this.first = first;
        this.last = last;
        this.firstFailure = firstFailure;
    }

    static CoverageFacts of(List<FileCoverage> coverage) {
        int failed = 0, skipped = 0, partial = 0, webLogs = 0;
        long webEvents = 0;
        Instant first = null, last = null;
        String firstFailure = null;
        for (FileCoverage file : coverage) {
            switch (file.status()) {
                case FileCoverage.FAILED -> {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = file.path() + (file.reason() == null ? "" : ": " + file.reason());
                    }
                }
                case FileCoverage.SKIPPED -> skipped++;
                case FileCoverage.PARTIAL -> partial++;
                default -> { }
            }
            boolean readable = file.status().equals(FileCoverage.READ) || file.status().equals(FileCoverage.PARTIAL);
            if (readable && WEB_LOG_KINDS.contains(file.kind())) {
                webLogs++;
                webEvents += file.events();
                if (file.first() != null && (first == null || file.first().isBefore(first))) first = file.first();
                if (file.last() != null && (last == null || file.last().isAfter(last))) last = file.last();
            }
        }
        return new CoverageFacts(coverage.size(), failed, skipped, partial, webLogs, webEvents, first, last,
                firstFailure);
    }

    boolean webLogRead() {
        return webLogs > 0;
    }

    boolean allFailed() {
        return files > 0 && failed == files;
    }

    String allFailedReason() {
        return "Every input failed to read (" + ReasonWriter.count(files, "file") + "; first: " + firstFailure
                + "), so nothing can be concluded.";
    }

    String noWebLogReason() {
        if (files == 0) {
            return "No input file was found, so nothing can be concluded.";
        }
        return "No web log was read: none of the " + ReasonWriter.count(files, "input file")
                + " is a readable IIS W3C or Exchange HttpProxy log (" + skipped + " skipped, " + failed
                + " failed), so exploitation over HTTP cannot be ruled out.";
    }

    String cleanReason() {
        String span = first == null ? "" : ", covering " + first + " to " + last;
        return "No exploitation, probing or high-level rule matched in " + ReasonWriter.count(webEvents, "event")
                + " from " + ReasonWriter.count(webLogs, "web log") + span + ".";
    }

    /** A sentence about inputs that could not be read in full, or {@code null} when there are none. */
    String gapReason() {
        if (failed == 0 && partial == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder("Not everything could be read: ");
        if (failed > 0) {
            text.append(ReasonWriter.count(failed, "file")).append(" failed");
        }
        if (partial > 0) {
            text.append(failed > 0 ? " and " : "").append(ReasonWriter.count(partial, "file"))
                    .append(" only partly read");
        }
        return text.append(" (see coverage).").toString();
    }
}
