package org.exhunt.sigma.prefilter;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The keyword tree of an automaton: a state per distinct prefix of the case-folded literals,
 * each state's edges sorted by character, and the literals ending in each state.
 *
 * <p>Built from the literals in sorted order, so that each literal only adds the states past
 * the prefix it shares with the one before, and every state's edges come out already sorted.
 * Flat arrays rather than a map per state: rule sets gate on thousands of file hashes, a tree
 * of a few hundred thousand states, which boxed maps made take most of a second to build.
 */
final class Trie {

    private static final int[] NONE = new int[0];

    /** Number of states; state 0 is the root. */
    final int states;
    /** Per state, its edges' characters, ascending. */
    final char[][] keys;
    /** Per state, the state each edge leads to, in the order of {@link #keys}. */
    final int[][] next;
    /** Per state, the indexes of the literals ending there, ascending. */
    final int[][] outputs;
    /** Every folded character of a literal, ascending. */
    final char[] alphabet;

    private Trie(int states, char[][] keys, int[][] next, int[][] outputs, char[] alphabet) {
        this.states = states;
        this.keys = keys;
        this.next = next;
        this.outputs = outputs;
        this.alphabet = alphabet;
    }

    /** The tree of {@code literals}, folded with {@link LiteralAutomaton#fold}; empty ones are left out. */
    static Trie of(List<String> literals) {
        int count = literals.size();
        String[] folded = new String[count];
        int total = 0;
        boolean[] used = new boolean[Character.MAX_VALUE + 1];
        for (int id = 0; id < count; id++) {
            String lit = literals.get(id);
            if (lit == null || lit.isEmpty()) {
                continue;
            }
            char[] f = folded(lit);
            for (char c : f) {
                used[c] = true;
            }
            folded[id] = new String(f);
            total += f.length;
        }
        // A stable sort: equal literals keep their order, so a state lists its literals ascending.
        Integer[] order = new Integer[count];
        int kept = 0;
        for (int id = 0; id < count; id++) {
            if (folded[id] != null) {
                order[kept++] = id;
            }
        }
        Arrays.sort(order, 0, kept, Comparator.comparing(id -> folded[id]));

        // States are made in sorted order: a state's children appear in ascending character
        // order, and a literal shares with its predecessor exactly the states of their common
        // prefix. parent/label describe each state's incoming edge.
        int[] parent = new int[total + 1];
        char[] label = new char[total + 1];
        int[] end = new int[count];
        int states = 1;
        int[] path = new int[maxLength(folded) + 1];
        String previous = "";
        for (int k = 0; k < kept; k++) {
            int id = order[k];
            String lit = folded[id];
            int shared = commonPrefix(previous, lit);
            int s = path[shared];
            for (int i = shared; i < lit.length(); i++) {
                parent[states] = s;
                label[states] = lit.charAt(i);
                s = states++;
                path[i + 1] = s;
            }
            end[id] = s;
            previous = lit;
        }

        int[] edges = new int[states];
        for (int t = 1; t < states; t++) {
            edges[parent[t]]++;
        }
        char[][] keys = new char[states][];
        int[][] next = new int[states][];
        for (int s = 0; s < states; s++) {
            keys[s] = new char[edges[s]];
            next[s] = new int[edges[s]];
        }
        int[] filled = new int[states];
        for (int t = 1; t < states; t++) {
            int p = parent[t];
            keys[p][filled[p]] = label[t];
            next[p][filled[p]++] = t;
        }

        int[] ending = new int[states];
        for (int k = 0; k < kept; k++) {
            ending[end[order[k]]]++;
        }
        int[][] outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = ending[s] == 0 ? NONE : new int[ending[s]];
            ending[s] = 0;
        }
        for (int id = 0; id < count; id++) {
            if (folded[id] != null) {
                int s = end[id];
                outputs[s][ending[s]++] = id;
            }
        }

        int letters = 0;
        for (boolean u : used) {
            letters += u ? 1 : 0;
        }
        char[] alphabet = new char[letters];
        for (int c = 0, a = 0; c < used.length; c++) {
            if (used[c]) {
                alphabet[a++] = (char) c;
            }
        }
        return new Trie(states, keys, next, outputs, alphabet);
    }

    /** The literal's characters, each folded with {@link LiteralAutomaton#fold}. */
    static char[] folded(String literal) {
        char[] f = new char[literal.length()];
        for (int i = 0; i < f.length; i++) {
            f[i] = LiteralAutomaton.fold(literal.charAt(i));
        }
        return f;
    }

    private static int maxLength(String[] folded) {
        int max = 0;
        for (String f : folded) {
            if (f != null) {
                max = Math.max(max, f.length());
            }
        }
        return max;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
