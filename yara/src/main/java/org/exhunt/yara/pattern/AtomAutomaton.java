package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick over all atoms of a pattern set, as a dense table: one array read per input byte.
 * A row holds the next state's row offset, negated (minus one) when that state ends an atom, so
 * the scan loop tests for output with a sign check only.
 */
final class AtomAutomaton {

    /** Receives every atom occurrence: the atom's index and the offset just past its last byte. */
    interface HitSink {
        void hit(int atom, int end);
    }

    /** Dense tables above this many states would take too much memory (4 bytes x 256 per state). */
    static final int MAX_STATES = 1 << 18;

    private final int[] delta;
    private final int[][] outputs;

    private AtomAutomaton(int[] delta, int[][] outputs) {
        this.delta = delta;
        this.outputs = outputs;
    }

    static AtomAutomaton build(List<byte[]> atoms) {
        int capacity = 1;
        for (byte[] a : atoms) capacity += a.length;
        if (capacity > MAX_STATES) {
            throw new IllegalArgumentException("pattern set too large: its atoms need " + capacity
                    + " automaton states, at most " + MAX_STATES + " are supported");
        }
        int[] next = new int[capacity * 256];
        Arrays.fill(next, -1);
        List<List<Integer>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        int states = 1;
        for (int id = 0; id < atoms.size(); id++) {
            int s = 0;
            for (byte b : atoms.get(id)) {
                int idx = s * 256 + (b & 0xFF);
                if (next[idx] < 0) {
                    next[idx] = states++;
                    out.add(new ArrayList<>());
                }
                s = next[idx];
            }
            out.get(s).add(id);
        }
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < 256; c++) {
            int t = next[c];
            if (t < 0) {
                next[c] = 0;
            } else {
                fail[t] = 0;
                queue[tail++] = t;
            }
        }
        while (head < tail) {
            int s = queue[head++];
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < 256; c++) {
                int t = next[s * 256 + c];
                if (t < 0) {
                    next[s * 256 + c] = next[fail[s] * 256 + c];
                } else {
                    fail[t] = next[fail[s] * 256 + c];
                    queue[tail++] = t;
                }
            }
        }
        int[][] outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] delta = new int[states * 256];
        for (int i = 0; i < delta.length; i++) {
            int t = next[i];
            delta[i] = outputs[t] == null ? t << 8 : -(t << 8) - 1;
        }
        return new AtomAutomaton(delta, outputs);
    }

    void scan(byte[] data, HitSink sink) {
        int[] d = delta;
        int row = 0;
        for (int i = 0; i < data.length; i++) {
            int v = d[row + (data[i] & 0xFF)];
            if (v >= 0) {
                row = v;
            } else {
                row = -v - 1;
                for (int atom : outputs[row >>> 8]) sink.hit(atom, i + 1);
            }
        }
    }

    int states() {
        return outputs.length;
    }
}
