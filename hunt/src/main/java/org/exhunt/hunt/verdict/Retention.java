package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;

/**
 * How far back the evidence reaches, against when exploitation of the server's open CVEs began:
 * the log-retention check. Logs that begin after the first attacks through an open CVE cannot
 * show those attacks, so they cannot clear the server.
 *
 * @param logs        per log kind that was read and carries times, by kind name
 * @param windowStart the day exploitation of the first-exploited open CVE began, or {@code null}
 *                    when the build is unknown or has no open CVE the table dates
 * @param windowCve   the CVE that sets {@link #windowStart}, or {@code null}
 * @param windowChain the attack chain of that CVE ({@code ProxyLogon}, …), or {@code null}
 * @param reachesBack whether a web log (IIS W3C or Exchange HttpProxy) begins on or before the
 *                    window's start; {@code null} when there is no window to compare with
 */
public record Retention(List<LogSpan> logs, LocalDate windowStart, String windowCve, String windowChain,
                        Boolean reachesBack) {

    /** Kinds of log that record requests to Exchange, whose reach decides the check. */
    static final List<String> WEB_LOG_KINDS = List.of("iis-w3c", "exchange-httpproxy");

    public Retention {
        logs = List.copyOf(logs);
    }

    /**
     * The time span of one kind of log.
     *
     * @param kind     the coverage kind ({@code iis-w3c}, {@code exchange-httpproxy}, {@code windows-evtx}, …)
     * @param earliest the earliest entry of any file of the kind
     * @param latest   the latest entry
     * @param files    how many files of the kind carried times
     */
    public record LogSpan(String kind, Instant earliest, Instant latest, int files) {
    }

    /** The check from what was read and what the build is open to, with the built-in dates. */
    public static Retention of(List<FileCoverage> coverage, Exposure exposure) {
        return of(coverage, exposure, ExploitationDates.builtIn());
    }

    public static Retention of(List<FileCoverage> coverage, Exposure exposure, ExploitationDates dates) {
        Map<String, Instant[]> spans = new TreeMap<>();
        Map<String, Integer> files = new TreeMap<>();
        for (FileCoverage file : coverage) {
            boolean readable = file.status().equals(FileCoverage.READ) || file.status().equals(FileCoverage.PARTIAL);
            if (!readable || file.first() == null) continue;
            Instant last = file.last() == null ? file.first() : file.last();
            Instant[] span = spans.computeIfAbsent(file.kind(), k -> new Instant[] {file.first(), last});
            if (file.first().isBefore(span[0])) span[0] = file.first();
            if (last.isAfter(span[1])) span[1] = last;
            files.merge(file.kind(), 1, Integer::sum);
        }
        List<LogSpan> logs = new ArrayList<>();
        spans.forEach((kind, span) -> logs.add(new LogSpan(kind, span[0], span[1], files.get(kind))));
        ExploitationDates.Row first = exposure == null || exposure.build() == null ? null : dates.earliest(exposure.cves());
        if (first == null) return new Retention(logs, null, null, null, null);
        Instant webStart = webStart(logs);
        boolean reaches = webStart != null && !day(webStart).isAfter(first.began());
        return new Retention(logs, first.began(), first.cve(), first.chain(), reaches);
    }

    /** The earliest entry of any web log, or {@code null} when none was read. */
    public Instant webStart() {
        return webStart(logs);
    }

    /** The latest entry of any web log, or {@code null} when none was read. */
    public Instant webEnd() {
        Instant end = null;
        for (LogSpan span : logs) {
            if (WEB_LOG_KINDS.contains(span.kind()) && (end == null || span.latest().isAfter(end))) end = span.latest();
        }
        return end;
    }

    private static Instant webStart(List<LogSpan> logs) {
        Instant start = null;
        for (LogSpan span : logs) {
            if (WEB_LOG_KINDS.contains(span.kind()) && (start == null || span.earliest().isBefore(start))) {
                start = span.earliest();
            }
        }
        return start;
    }

    static LocalDate day(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
