package org.exhunt.hunt.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far back each kind of log reaches, read from the coverage: a verdict of "clean" means
 * little when the web logs start the week before the scan.
 */
final class RetentionSpans {

    /**
     * One kind of evidence and the time it covers.
     *
     * @param kind     the evidence kind ({@code iis-w3c}, {@code exchange-httpproxy}, …)
     * @param files    files of that kind that gave events with times
     * @param events   events read from them
     * @param earliest the earliest event time
     * @param latest   the latest event time
     */
    record Span(String kind, int files, long events, Instant earliest, Instant latest) {
        /** Whole days from the earliest to the latest event. */
        long days() {
            return Duration.between(earliest, latest).toDays();
        }
    }

    private RetentionSpans() {
    }

    /** One span per kind with dated events, by kind name; files without event times are left out. */
    static List<Span> of(List<FileCoverage> coverage) {
        Map<String, Span> byKind = new TreeMap<>();
        for (FileCoverage file : coverage) {
            if (file.first() == null || file.last() == null) continue;
            byKind.merge(file.kind(), new Span(file.kind(), 1, file.events(), file.first(), file.last()),
                    RetentionSpans::join);
        }
        return new ArrayList<>(byKind.values());
    }

    private static Span join(Span a, Span b) {
        return new Span(a.kind(), a.files() + b.files(), a.events() + b.events(),
                a.earliest().isBefore(b.earliest()) ? a.earliest() : b.earliest(),
                a.latest().isAfter(b.latest()) ? a.latest() : b.latest());
    }
}
