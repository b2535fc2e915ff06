package org.exhunt.yara;

import java.util.Arrays;
import org.exhunt.yara.pattern.MatchSink;

/**
 * The matches of every pattern in one buffer, offsets ascending, as the search reports them.
 * Patterns arrive one after another, so each keeps plain growable arrays.
 */
final class MatchTable implements MatchSink {

    /**
     * Matches kept per buffer, all strings together: bounds memory when thousands of strings
     * each match often (a buffer of one repeated byte and many short strings).
     */
    static final int MAX_TOTAL = 4_000_000;

    private static final int[] NONE = new int[0];

    private final int[][] offsets;
    private final int[][] lengths;
    private final int[] counts;

    /** In fast mode, which patterns keep every match (others keep their first); null otherwise. */
    private final boolean[] keepAll;
    private int total;
    private boolean overflowed;

    MatchTable(int patterns, boolean[] keepAll) {
        this.keepAll = keepAll;
        offsets = new int[patterns][];
        lengths = new int[patterns][];
        counts = new int[patterns];
    }

    @Override
    public void onMatch(int pattern, int offset, int length) {
        int n = counts[pattern];
        if (keepAll != null && n > 0 && !keepAll[pattern]) {
            return;
        }
        if (total == MAX_TOTAL) {
            overflowed = true;
            return;
        }
        total++;
        int[] o = offsets[pattern];
        if (o == null) {
            offsets[pattern] = o = new int[4];
            lengths[pattern] = new int[4];
        } else if (n == o.length) {
            offsets[pattern] = o = Arrays.copyOf(o, n * 2);
            lengths[pattern] = Arrays.copyOf(lengths[pattern], n * 2);
        }
        o[n] = offset;
        lengths[pattern][n] = length;
        counts[pattern] = n + 1;
    }

    /** Whether matches were dropped because the buffer reached {@link #MAX_TOTAL}. */
    boolean overflowed() {
        return overflowed;
    }

    int count(int pattern) {
        return counts[pattern];
    }

    /** Offset of the i-th match (from 0). */
    int offset(int pattern, int i) {
        return offsets[pattern][i];
    }

    int length(int pattern, int i) {
        return lengths[pattern][i];
    }

    int[] offsets(int pattern) {
        return offsets[pattern] == null ? NONE : offsets[pattern];
    }
}
