package org.exhunt.yara.pattern;

import java.util.Arrays;
import java.util.List;

/**
 * A hex string that YARA splits into chained pieces at its long or unbounded jumps
 * ({@code { 4D 5A [300-900] 50 45 }}, {@code [-]}), or a regex cut the same way at a top-level
 * lazy {@code .{n,m}?}. Each piece matches on its own, within the
 * usual match-length cap; a match runs from the first piece's start to the end of the earliest
 * completion of the chain, the gap between consecutive pieces obeying its jump.
 */
final class ChainVerifier implements Verifier {

    private final Program[] pieces;
    private final int[] gapMin;
    /** -1 for an unbounded gap. */
    private final int[] gapMax;
    private final boolean fullword;

    ChainVerifier(List<Program> pieces, int[] gapMin, int[] gapMax, boolean fullword) {
        this.pieces = pieces.toArray(new Program[0]);
        this.gapMin = gapMin.clone();
        this.gapMax = gapMax.clone();
        this.fullword = fullword;
    }

    @Override
    public Session open(byte[] data) {
        return new Session() {
            private final PikeVm head = new PikeVm(pieces[0], false);
            /** completionEnd[k][t]: where the chain from piece k starting at t ends, or -1. */
            private int[][] completionEnd;
            /** nextStart[k][x]: first t >= x with a completion of piece k, or NONE. */
            private int[][] nextStart;

            @Override
            public int matchAt(int start) {
                int len = head.match(data, start);
                if (len <= 0) return -1;
                if (completionEnd == null) build();
                int end = follow(0, start + len);
                if (end < 0) return -1;
                return !fullword || Fullword.delimited(data, start, end - start, false) ? end - start : -1;
            }

            private static final int NONE = Integer.MAX_VALUE;

            /** End of the chain when piece k ended at {@code end}, or -1. */
            private int follow(int k, int end) {
                long from = (long) end + gapMin[k];
                if (from > data.length) return -1;
                int t = nextStart[k + 1][(int) from];
                if (t == NONE) return -1;
                if (gapMax[k] >= 0 && (long) t > (long) end + gapMax[k]) return -1;
                return completionEnd[k + 1][t];
            }

            private void build() {
                int n = data.length;
                completionEnd = new int[pieces.length][];
                nextStart = new int[pieces.length][];
                for (int k = pieces.length - 1; k >= 1; k--) {
                    PikeVm vm = new PikeVm(pieces[k], false);
                    int[] ends = new int[n + 1];
                    int[] next = new int[n + 2];
                    Arrays.fill(ends, -1);
                    completionEnd[k] = ends;
                    nextStart[k] = next;
                    next[n + 1] = NONE;
                    next[n] = NONE;
                    // Right to left, so the later pieces' tables are complete before they are read.
                    for (int t = n - 1; t >= 0; t--) {
                        int len = vm.match(data, t);
                        if (len > 0) ends[t] = k == pieces.length - 1 ? t + len : follow(k, t + len);
                        next[t] = ends[t] >= 0 ? t : next[t + 1];
                    }
                }
            }
        };
    }
}
