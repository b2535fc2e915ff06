package org.exhunt.yara.pattern;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers "can the program match at all from this offset?" with a lazily built DFA, before the
 * Pike VM works out the exact length. A bounded repeat of a wide class ({@code [^%]{0,80}}) keeps
 * dozens of NFA threads alive per byte, and most candidate offsets of such a string fail; the DFA
 * rejects them at one table lookup per byte once its states are known.
 *
 * <p>Position assertions count as always true here, so a "yes" may still be refused by the Pike
 * VM, and a "no" is always right. States are sets of program counters; at most
 * {@link #MAX_STATES} are kept, then the cache starts over. Not thread-safe: one per thread.
 */
final class QuickReject {

    static final int MAX_STATES = 4096;
    private static final int UNKNOWN = -1;
    private static final int DEAD = -2;

    private final Program prog;
    private final Map<Key, Integer> ids = new HashMap<>();
    private int[][] sets = new int[64][];
    private int[][] next = new int[64][];
    private boolean[] accepting = new boolean[64];
    private int count;
    private int start = -1;
    private final int[] stack;
    private final int[] mark;
    private int generation;
    private final int[] scratch;

    QuickReject(Program prog) {
        this.prog = prog;
        this.stack = new int[prog.size() * 2 + 2];
        this.mark = new int[prog.size()];
        this.scratch = new int[prog.size()];
    }

    /** False only when no match can start at {@code from} within {@code limit} bytes of the buffer. */
    boolean mayMatch(byte[] data, int from, int limit) {
        if (start < 0 || count >= MAX_STATES) reset();
        int s = start;
        int end = Math.min(data.length, limit);
        for (int p = from; ; p++) {
            if (accepting[s]) return true;
            if (p >= end) return false;
            int b = data[p] & 0xFF;
            int t = next[s][b];
            if (t == UNKNOWN) {
                t = step(s, b);
                if (count >= MAX_STATES) {
                    // The table is full: answer this question without it, start over next time.
                    return t != DEAD;
                }
                next[s][b] = t;
            }
            if (t == DEAD) return false;
            s = t;
        }
    }

    private void reset() {
        ids.clear();
        count = 0;
        generation++;
        int n = closure(new int[] {0}, 1);
        start = intern(Arrays.copyOf(scratch, n));
    }

    private int step(int s, int b) {
        int[] from = sets[s];
        int[] moved = new int[from.length];
        int m = 0;
        for (int pc : from) {
            if (prog.op[pc] == Program.BYTE && prog.sets[prog.x[pc]].contains(b)) moved[m++] = pc + 1;
        }
        if (m == 0) return DEAD;
        generation++;
        int n = closure(moved, m);
        return intern(Arrays.copyOf(scratch, n));
    }

    /** The states reachable from {@code pcs} without consuming a byte, sorted; into {@code scratch}. */
    private int closure(int[] pcs, int n) {
        int out = 0;
        for (int i = 0; i < n; i++) {
            out = prog.closeOver(pcs[i], stack, mark, generation, scratch, out);
        }
        Arrays.sort(scratch, 0, out);
        return out;
    }

    private int intern(int[] set) {
        Key k = new Key(set);
        Integer id = ids.get(k);
        if (id != null) return id;
        if (count == sets.length) {
            sets = Arrays.copyOf(sets, count * 2);
            next = Arrays.copyOf(next, count * 2);
            accepting = Arrays.copyOf(accepting, count * 2);
        }
        int[] row = new int[256];
        Arrays.fill(row, UNKNOWN);
        sets[count] = set;
        next[count] = row;
        boolean acc = false;
        for (int pc : set) acc |= prog.op[pc] == Program.MATCH;
        accepting[count] = acc;
        ids.put(k, count);
        return count++;
    }

    private record Key(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.set, set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }
}
