package org.exhunt.hunt.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;

/**
 * The one order findings appear in everywhere: by time, then path, then line (or record), then rule id.
 * Findings come from parallel workers in any order; sorting here makes reports byte-for-byte repeatable.
 * Findings without a time (files found on disk) come last. Findings equal in all of these are
 * ordered by engine, actor and matched values, so the order is total.
 */
public final class FindingOrder {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> path(f.source()), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(f -> position(f.source()))
            .thenComparing(f -> f.rule().id(), Comparator.nullsLast(Comparator.naturalOrder()))
            // Ties beyond the documented keys still need a fixed order, or parallel scans would
            // write equal findings in a different order from run to run.
            .thenComparingLong(f -> f.source() == null ? -1 : f.source().offset())
            .thenComparing(Finding::engine, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> actor(f).ip(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> actor(f).user(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> actor(f).userAgent(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.matched().toString());

    private FindingOrder() {
    }

    /**
     * The findings in this order, sorted on up to {@code threads} threads (one per core at most);
     * the result is the one a single stable sort gives.
     */
    public static List<Finding> sorted(Collection<Finding> findings, int threads) {
        return FindingSort.sorted(findings, FindingParts.threadsFor(threads));
    }

    private static Actor actor(Finding finding) {
        return finding.actor() == null ? Actor.UNKNOWN : finding.actor();
    }

    private static String path(SourceRef source) {
        return source == null ? null : source.path();
    }

    private static long position(SourceRef source) {
        if (source == null) return -1;
        return source.line() >= 0 ? source.line() : source.record();
    }
}
