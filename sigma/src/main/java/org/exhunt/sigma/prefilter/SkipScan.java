package org.exhunt.sigma.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A search for a few long literals that looks at a fraction of the text: a window as long as
 * the shortest literal slides along, and the last two characters under it say how far it may
 * move without passing an occurrence (the Wu–Manber scheme, two characters per block). Most
 * pairs of characters occur in no literal, and the window then moves by all but one of its
 * characters. Only where a pair ends some literal's first window are the literals that end so
 * compared in place.
 *
 * <p>The keyword literals a rule set searches every value of every event for ({@code
 * sekurlsa::}, {@code privilege::debug}, ...) are of this kind; the automaton's one step per
 * character was most of what searching them cost. Case is folded as the automaton folds it.
 * Hits are the automaton's, each occurrence once, but in the order of where they start.
 */
final class SkipScan {

    /** Shortest literal worth it: shorter windows move too little to beat the automaton. */
    static final int MIN_WINDOW = 6;
    /** Most literals: with many, few pairs stay free and the window rarely moves far. */
    static final int MAX_LITERALS = 256;
    private static final int ASCII = 128;
    /** Longest window kept: shifts fit a byte. */
    private static final int MAX_WINDOW = 120;

    private final int window;
    /** Per pair of folded ASCII characters ({@code first << 7 | second}), how far the window may move. */
    private final byte[] shift;
    /** Per pair that ends a literal's first window, those literals' indexes; null elsewhere. */
    private final int[][] endingHere;
    /** Per literal index, its folded characters; null for literals left out (empty ones). */
    private final char[][] folded;

    private SkipScan(int window, byte[] shift, int[][] endingHere, char[][] folded) {
        this.window = window;
        this.shift = shift;
        this.endingHere = endingHere;
        this.folded = folded;
    }

    /**
     * The scan for {@code literals}, or null when it would not pay or cannot fold as the
     * automaton does: too many literals, a short one, or one with a character that does not
     * fold to ASCII (or is NUL, which stands for all other characters here).
     */
    static SkipScan of(List<String> literals) {
        char[][] folded = new char[literals.size()][];
        int shortest = Integer.MAX_VALUE;
        int kept = 0;
        for (int id = 0; id < literals.size(); id++) {
            String lit = literals.get(id);
            if (lit == null || lit.isEmpty()) {
                continue;
            }
            char[] f = Trie.folded(lit);
            for (char c : f) {
                if (c == 0 || c >= ASCII) {
                    return null;
                }
            }
            folded[id] = f;
            shortest = Math.min(shortest, f.length);
            kept++;
        }
        if (kept == 0 || kept > MAX_LITERALS || shortest < MIN_WINDOW) {
            return null;
        }
        int window = Math.min(shortest, MAX_WINDOW);
        byte[] shift = new byte[ASCII * ASCII];
        Arrays.fill(shift, (byte) (window - 1));
        List<List<Integer>> ending = new ArrayList<>(ASCII * ASCII);
        for (int b = 0; b < ASCII * ASCII; b++) {
            ending.add(null);
        }
        for (int id = 0; id < folded.length; id++) {
            char[] f = folded[id];
            if (f == null) {
                continue;
            }
            for (int j = 1; j < window; j++) {
                int pair = f[j - 1] << 7 | f[j];
                shift[pair] = (byte) Math.min(shift[pair], window - 1 - j);
            }
            int last = f[window - 2] << 7 | f[window - 1];
            if (ending.get(last) == null) {
                ending.set(last, new ArrayList<>());
            }
            ending.get(last).add(id);
        }
        int[][] endingHere = new int[ASCII * ASCII][];
        for (int b = 0; b < endingHere.length; b++) {
            if (ending.get(b) != null) {
                endingHere[b] = ending.get(b).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new SkipScan(window, shift, endingHere, folded);
    }

    /** Reports every literal occurrence in {@code text}, ignoring case, by where it starts. */
    void scan(String text, LiteralAutomaton.HitSink sink) {
        int n = text.length();
        int m = window;
        byte[] sh = shift;
        int i = m - 1;
        while (i < n) {
            int pair = code(text.charAt(i - 1)) << 7 | code(text.charAt(i));
            int s = sh[pair];
            if (s > 0) {
                i += s;
                continue;
            }
            int start = i - m + 1;
            for (int id : endingHere[pair]) {
                if (occursAt(text, start, folded[id])) {
                    sink.hit(id);
                }
            }
            i++;
        }
    }

    /** The folded ASCII character, or 0 for a character that folds to none (no literal has 0). */
    private static int code(char c) {
        char f = c < ASCII ? FOLDED_ASCII[c] : LiteralAutomaton.fold(c);
        return f < ASCII ? f : 0;
    }

    private static boolean occursAt(String text, int start, char[] lit) {
        if (start + lit.length > text.length()) {
            return false;
        }
        for (int k = 0; k < lit.length; k++) {
            if (code(text.charAt(start + k)) != lit[k]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] FOLDED_ASCII = new char[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            FOLDED_ASCII[c] = LiteralAutomaton.fold(c);
        }
    }
}
