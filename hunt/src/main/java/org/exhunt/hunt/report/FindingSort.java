package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.exhunt.hunt.finding.Finding;

/**
 * Puts findings in {@link FindingOrder} on several threads: contiguous runs are sorted at once, one
 * per thread, then merged, the earlier run first among equals. Both steps are stable, so the result
 * is the one a single stable sort gives, whatever the number of threads.
 */
final class FindingSort {

    /** Below this many findings per thread, starting threads costs more than it saves. */
    static final int MIN_RUN = 4096;

    private FindingSort() {
    }

    /** The findings in report order, sorted on up to {@code threads} threads. */
    static List<Finding> sorted(Collection<Finding> findings, int threads) {
        return sorted(findings, threads, MIN_RUN);
    }

    static List<Finding> sorted(Collection<Finding> findings, int threads, int minRun) {
        Finding[] all = findings.toArray(new Finding[0]);
        int runs = Math.max(1, Math.min(threads, all.length / Math.max(1, minRun)));
        if (runs == 1) {
            Arrays.sort(all, FindingOrder.ORDER);
            return Arrays.asList(all);
        }
        int[] bounds = new int[runs + 1];
        for (int r = 0; r <= runs; r++) bounds[r] = (int) ((long) all.length * r / runs);
        List<Runnable> sorts = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            int from = bounds[r], to = bounds[r + 1];
            sorts.add(() -> Arrays.sort(all, from, to, FindingOrder.ORDER));
        }
        Together.run(sorts);
        return Arrays.asList(mergeRuns(all, bounds));
    }

    /** Merges the sorted runs between {@code bounds}, pairwise in rounds, left run first among equals. */
    private static Finding[] mergeRuns(Finding[] runs, int[] bounds) {
        Finding[] from = runs;
        Finding[] to = new Finding[runs.length];
        int[] edges = bounds;
        while (edges.length > 2) {
            int pairs = (edges.length - 1) / 2;
            boolean odd = (edges.length - 1) % 2 == 1;
            int[] next = new int[pairs + (odd ? 1 : 0) + 1];
            for (int p = 0; p < pairs; p++) {
                merge(from, edges[2 * p], edges[2 * p + 1], edges[2 * p + 2], to);
                next[p] = edges[2 * p];
            }
            if (odd) {
                int last = edges.length - 2;
                System.arraycopy(from, edges[last], to, edges[last], edges[last + 1] - edges[last]);
                next[pairs] = edges[last];
            }
            next[next.length - 1] = edges[edges.length - 1];
            Finding[] swap = from;
            from = to;
            to = swap;
            edges = next;
        }
        return from;
    }

    private static void merge(Finding[] src, int lo, int mid, int hi, Finding[] dst) {
        if (mid == lo || mid == hi || FindingOrder.ORDER.compare(src[mid], src[mid - 1]) >= 0) {
            // Runs already in order (findings sorted once before, by the scan): the merge is a copy.
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            // Only a later run's finding strictly before keeps stability: ties go to the left run.
            dst[k++] = FindingOrder.ORDER.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < mid) dst[k++] = src[i++];
        while (j < hi) dst[k++] = src[j++];
    }
}
