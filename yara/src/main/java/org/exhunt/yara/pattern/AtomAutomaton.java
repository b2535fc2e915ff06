package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick over all atoms of a pattern set. Up to {@link #MAX_DENSE_STATES} states it is a
 * dense table, one array read per input byte: a row holds the next state's row offset, negated
 * (minus one) when that state ends an atom, so the scan loop tests for output with a sign check
 * only. Larger sets (thousands of xor strings) keep sorted child lists and failure links instead,
 * slower per byte but small.
 */
final class AtomAutomaton {

    /** Receives every atom occurrence: the atom's index and the offset just past its last byte. */
    interface HitSink {
        void hit(int atom, int end);
    }

    /** A dense table costs 1 KiB per state; above this many states the sparse form is used. */
    static final int MAX_DENSE_STATES = 1 << 15;

    private final int[] delta;
    private final int[][] outputs;
    private final Sparse sparse;

    private AtomAutomaton(int[] delta, int[][] outputs, Sparse sparse) {
        this.delta = delta;
        this.outputs = outputs;
        this.sparse = sparse;
    }

    static AtomAutomaton build(List<byte[]> atoms) {
        return build(atoms, false);
    }

    static AtomAutomaton build(List<byte[]> atoms, boolean sparseOnly) {
        int capacity = 1;
        for (byte[] a : atoms) capacity += a.length;
        if (sparseOnly || capacity > MAX_DENSE_STATES) {
            return new AtomAutomaton(null, null, Sparse.build(atoms));
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
        return new AtomAutomaton(delta, outputs, null);
    }

    void scan(byte[] data, HitSink sink) {
        if (sparse != null) {
            sparse.scan(data, sink);
            return;
        }
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
        return sparse != null ? sparse.fail.length : outputs.length;
    }

    /**
     * The trie with sorted child lists and failure links, for atom sets too big for a table.
     * Atoms ending at a state are its own; those of its suffixes are reached through dictionary
     * links, so no state copies another's output.
     */
    private static final class Sparse {
        /** Per state: child bytes (unsigned, ascending) and the child states, same order. */
        private final byte[][] keys;
        private final int[][] children;
        private final int[] fail;
        /** Atoms that end exactly at the state, or null. */
        private final int[][] own;
        /** Nearest proper suffix state with atoms of its own, or 0 for none. */
        private final int[] dict;

        private Sparse(byte[][] keys, int[][] children, int[] fail, int[][] own, int[] dict) {
            this.keys = keys;
            this.children = children;
            this.fail = fail;
            this.own = own;
            this.dict = dict;
        }

        static Sparse build(List<byte[]> atoms) {
            java.util.HashMap<Long, Integer> edges = new java.util.HashMap<>();
            List<int[]> ownLists = new ArrayList<>();
            int[] childCount = new int[16];
            int states = 1;
            ownLists.add(null);
            for (int id = 0; id < atoms.size(); id++) {
                int s = 0;
                for (byte b : atoms.get(id)) {
                    long key = (long) s << 8 | (b & 0xFF);
                    Integer t = edges.get(key);
                    if (t == null) {
                        t = states++;
                        edges.put(key, t);
                        ownLists.add(null);
                        if (s >= childCount.length || t >= childCount.length) {
                            childCount = Arrays.copyOf(childCount, Math.max(childCount.length * 2, t + 1));
                        }
                        childCount[s]++;
                    }
                    s = t;
                }
                int[] o = ownLists.get(s);
                int[] grown = o == null ? new int[1] : Arrays.copyOf(o, o.length + 1);
                grown[grown.length - 1] = id;
                ownLists.set(s, grown);
            }
            byte[][] keys = new byte[states][];
            int[][] children = new int[states][];
            for (int s = 0; s < states; s++) {
                keys[s] = new byte[s < childCount.length ? childCount[s] : 0];
                children[s] = new int[keys[s].length];
            }
            int[] filled = new int[states];
            long[] sortedEdges = new long[edges.size()];
            int e = 0;
            for (Long k : edges.keySet()) sortedEdges[e++] = k;
            Arrays.sort(sortedEdges);
            for (long k : sortedEdges) {
                int s = (int) (k >>> 8);
                keys[s][filled[s]] = (byte) k;
                children[s][filled[s]++] = edges.get(k);
            }
            int[] fail = new int[states];
            int[] dict = new int[states];
            int[][] own = ownLists.toArray(new int[0][]);
            Sparse sp = new Sparse(keys, children, fail, own, dict);
            int[] queue = new int[states];
            int head = 0;
            int tail = 0;
            for (int c : children[0]) queue[tail++] = c;
            while (head < tail) {
                int s = queue[head++];
                for (int i = 0; i < children[s].length; i++) {
                    int t = children[s][i];
                    int b = keys[s][i] & 0xFF;
                    int f = fail[s];
                    int g;
                    while ((g = sp.child(f, b)) < 0 && f != 0) f = fail[f];
                    fail[t] = g >= 0 && g != t ? g : 0;
                    dict[t] = own[fail[t]] != null ? fail[t] : dict[fail[t]];
                    queue[tail++] = t;
                }
            }
            return sp;
        }

        int child(int s, int b) {
            byte[] k = keys[s];
            int lo = 0;
            int hi = k.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = k[mid] & 0xFF;
                if (v < b) lo = mid + 1;
                else if (v > b) hi = mid - 1;
                else return children[s][mid];
            }
            return -1;
        }

        void scan(byte[] data, HitSink sink) {
            int s = 0;
            for (int i = 0; i < data.length; i++) {
                int b = data[i] & 0xFF;
                int t;
                while ((t = child(s, b)) < 0 && s != 0) s = fail[s];
                s = t < 0 ? 0 : t;
                for (int u = own[s] != null ? s : dict[s]; u != 0; u = dict[u]) {
                    for (int atom : own[u]) sink.hit(atom, i + 1);
                }
            }
        }
    }
}
