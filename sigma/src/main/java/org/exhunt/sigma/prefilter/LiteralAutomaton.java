package org.exhunt.sigma.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over case-folded characters: finds, in one pass over a text, every
 * one of many literals that occurs in it, ignoring case. Immutable and thread-safe once built.
 *
 * <p>Case folding is per character, {@code toLowerCase(toUpperCase(toLowerCase(c)))}, on both
 * the literals and the text. Two characters that per-character lower-casing makes equal fold
 * equal (the fold is a function of the lower-cased character), and so do the pairs that
 * {@link String#equalsIgnoreCase} and case-insensitive regular expressions join, such as the
 * Kelvin sign and {@code k}, or {@code ſ} and {@code s}. A character never becomes two, so
 * literals keep their length.
 */
public final class LiteralAutomaton {

    /** Receives the index (in the build list) of each literal found; may be told more than once. */
    public interface HitSink {
        void hit(int literal);
    }

    private static final int[] NO_OUTPUT = new int[0];
    private static final int ASCII = 128;

    private final int[] rootAscii;
    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] out;

    private LiteralAutomaton(int[] rootAscii, char[][] keys, int[][] next, int[] fail, int[][] out) {
        this.rootAscii = rootAscii;
        this.keys = keys;
        this.next = next;
        this.fail = fail;
        this.out = out;
    }

    /** Case folding used on both sides. */
    public static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(Character.toLowerCase(c)));
    }

    /**
     * Builds the automaton. Empty literals are ignored (they would match everything; callers
     * must not gate on them).
     */
    public static LiteralAutomaton of(List<String> literals) {
        List<Map<Character, Integer>> gotoFn = new ArrayList<>();
        List<List<Integer>> outputs = new ArrayList<>();
        gotoFn.add(new HashMap<>());
        outputs.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String lit = literals.get(id);
            if (lit == null || lit.isEmpty()) {
                continue;
            }
            int s = 0;
            for (int i = 0; i < lit.length(); i++) {
                char c = fold(lit.charAt(i));
                Integer t = gotoFn.get(s).get(c);
                if (t == null) {
                    t = gotoFn.size();
                    gotoFn.add(new HashMap<>());
                    outputs.add(new ArrayList<>());
                    gotoFn.get(s).put(c, t);
                }
                s = t;
            }
            outputs.get(s).add(id);
        }
        int n = gotoFn.size();
        char[][] keys = new char[n][];
        int[][] next = new int[n][];
        for (int s = 0; s < n; s++) {
            Map<Character, Integer> m = gotoFn.get(s);
            char[] k = new char[m.size()];
            int i = 0;
            for (char c : m.keySet()) {
                k[i++] = c;
            }
            Arrays.sort(k);
            int[] t = new int[k.length];
            for (i = 0; i < k.length; i++) {
                t[i] = m.get(k[i]);
            }
            keys[s] = k;
            next[s] = t;
        }
        int[] fail = new int[n];
        int[][] out = new int[n][];
        // Breadth-first so a state's failure target is finished before the state itself.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        out[0] = toArray(outputs.get(0));
        for (int t : next[0]) {
            fail[t] = 0;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> own = outputs.get(s);
            int[] inherited = out[fail[s]];
            int[] merged = new int[own.size() + inherited.length];
            for (int i = 0; i < own.size(); i++) {
                merged[i] = own.get(i);
            }
            System.arraycopy(inherited, 0, merged, own.size(), inherited.length);
            out[s] = merged.length == 0 ? NO_OUTPUT : merged;
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int t = next[s][i];
                int f = fail[s];
                int target;
                while (true) {
                    target = step(keys, next, f, c);
                    if (target >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[t] = target >= 0 && target != t ? target : 0;
                queue.add(t);
            }
        }
        int[] rootAscii = new int[ASCII];
        for (int c = 0; c < ASCII; c++) {
            rootAscii[c] = Math.max(0, step(keys, next, 0, (char) c));
        }
        return new LiteralAutomaton(rootAscii, keys, next, fail, out);
    }

    private static int[] toArray(List<Integer> list) {
        return list.isEmpty() ? NO_OUTPUT : list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int step(char[][] keys, int[][] next, int s, char c) {
        int i = Arrays.binarySearch(keys[s], c);
        return i >= 0 ? next[s][i] : -1;
    }

    /** Reports every literal that occurs in {@code text}, ignoring case. */
    public void scan(CharSequence text, HitSink sink) {
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = fold(text.charAt(i));
            while (true) {
                if (s == 0) {
                    s = c < ASCII ? rootAscii[c] : Math.max(0, step(keys, next, 0, c));
                    break;
                }
                int t = step(keys, next, s, c);
                if (t >= 0) {
                    s = t;
                    break;
                }
                s = fail[s];
            }
            int[] o = out[s];
            for (int k = 0; k < o.length; k++) {
                sink.hit(o[k]);
            }
        }
    }
}
