package org.exhunt.hunt.ioc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many literals in one pass over a text (Aho–Corasick compiled to a table-driven
 * automaton). Matching ignores case, and with {@code plusIsSpace} treats {@code +} as a space
 * on both sides, because IIS writes spaces in user agents as {@code +} while other logs keep them.
 */
final class LiteralSearch {

    /** Receives a match; returns {@code false} to stop the search. */
    interface Hit {
        boolean found(int pattern, int end);
    }

    private static final int[] NO_OUTPUT = new int[0];

    private final boolean plusIsSpace;
    private final int[] asciiClass = new int[128];
    private final Map<Character, Integer> otherClass = new HashMap<>();
    private final int classes;
    /** Class of each folded-on-the-fly ASCII character: folding and '+' handling cost one lookup. */
    private final int[] asciiToClass = new int[128];
    /**
     * Per ASCII character: whether it leaves the start state where it is (no pattern starts
     * with it); the same with {@code +} read as a space. See {@link #anyAscii}.
     */
    private final boolean[] idle = new boolean[128];
    private final boolean[] idlePlus = new boolean[128];
    /**
     * State row + class -> target row (rows are state * classes), bit-inverted (negative) when
     * the target state ends a pattern, so the inner loop tests for output with a sign check.
     */
    private final int[] next;
    private final int[][] outputs;     // state -> patterns ending here
    private final int[] lengths;

    LiteralSearch(List<String> patterns, boolean plusIsSpace) {
        this.plusIsSpace = plusIsSpace;
        lengths = new int[patterns.size()];
        // Class 0 stands for every character that occurs in no pattern.
        int nextClass = 1;
        List<String> folded = new ArrayList<>();
        for (String p : patterns) {
            String f = fold(p);
            folded.add(f);
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                if (c < 128) {
                    if (asciiClass[c] == 0) asciiClass[c] = nextClass++;
                } else if (!otherClass.containsKey(c)) {
                    otherClass.put(c, nextClass++);
                }
            }
        }
        classes = nextClass;

        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        for (int p = 0; p < folded.size(); p++) {
            String f = folded.get(p);
            lengths[p] = f.length();
            int state = 0;
            for (int i = 0; i < f.length(); i++) {
                int cls = classOf(f.charAt(i));
                int to = trie.get(state)[cls];
                if (to <= 0) {
                    to = trie.size();
                    trie.add(newRow());
                    out.add(new ArrayList<>());
                    trie.get(state)[cls] = to;
                }
                state = to;
            }
            if (!f.isEmpty()) out.get(state).add(p);
        }

        // Breadth-first: fill failure transitions so every (state, class) has a target.
        int states = trie.size();
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] root = trie.get(0);
        for (int c = 0; c < classes; c++) {
            if (root[c] > 0) {
                fail[root[c]] = 0;
                queue.add(root[c]);
            } else {
                root[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            int[] row = trie.get(s);
            for (int c = 0; c < classes; c++) {
                int t = row[c];
                if (t > 0) {
                    fail[t] = trie.get(fail[s])[c];
                    queue.add(t);
                } else {
                    row[c] = trie.get(fail[s])[c];
                }
            }
        }
        // Rows hold pre-multiplied targets so the inner loop needs no multiplication.
        next = new int[states * classes];
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o.isEmpty() ? NO_OUTPUT : o.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int s = 0; s < states; s++) {
            int[] row = trie.get(s);
            for (int c = 0; c < classes; c++) {
                int to = row[c];
                next[s * classes + c] = outputs[to].length > 0 ? ~(to * classes) : to * classes;
            }
        }
        for (char c = 0; c < 128; c++) asciiToClass[c] = classOf(foldChar(c));
        // row 0 is the start state; an entry of 0 leads back to it without a match
        for (int c = 0; c < 128; c++) idle[c] = next[asciiToClass[c]] == 0;
        for (int c = 0; c < 128; c++) idlePlus[c] = idle[c == '+' ? ' ' : c];
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    private String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(foldChar(s.charAt(i)));
        return b.toString();
    }

    private char foldChar(char c) {
        if (plusIsSpace && c == '+') return ' ';
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        return Character.toLowerCase(c);
    }

    private int classOf(char folded) {
        if (folded < 128) return asciiClass[folded];
        Integer c = otherClass.get(folded);
        return c == null ? 0 : c;
    }

    /** Length of pattern {@code p} after folding. */
    int length(int p) {
        return lengths[p];
    }

    private int classOfRaw(char c) {
        return c < 128 ? asciiToClass[c] : classOf(foldChar(c));
    }

    /** Whether any pattern occurs in {@code text}: the allocation-free check run on every event. */
    boolean any(CharSequence text) {
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            row = next[row + classOfRaw(text.charAt(i))];
            if (row < 0) return true;
        }
        return false;
    }

    /** The answer of {@link #anyAscii} when the text holds a non-ASCII byte: decode and ask {@link #any}. */
    static final int UNSURE = -1;

    /**
     * Whether any pattern occurs in the UTF-8 text {@code b[from, to)} (1) or not (0), read in
     * place; with {@code plusIsSpace} a {@code +} byte stands for a space. A non-ASCII byte,
     * whose character may fold onto an ASCII one, gives {@link #UNSURE}.
     */
    int anyAscii(byte[] b, int from, int to, boolean plusIsSpace) {
        boolean[] skip = plusIsSpace ? idlePlus : idle;
        int row = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (row == 0) {
                // In the start state, characters no pattern starts with are passed over without
                // the table: these reads do not wait for each other as the table walk's do.
                while (c >= 0 && skip[c]) {
                    if (++i == to) return 0;
                    c = b[i];
                }
            }
            if (c < 0) return UNSURE;
            if (plusIsSpace && c == '+') c = ' ';
            row = next[row + asciiToClass[c]];
            if (row < 0) return 1;
            i++;
        }
        return 0;
    }

    /** Reports every occurrence (by pattern index and exclusive end offset) until {@code hit} says stop. */
    void search(CharSequence text, Hit hit) {
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            row = next[row + classOfRaw(text.charAt(i))];
            if (row < 0) {
                row = ~row;
                for (int p : outputs[row / classes]) {
                    if (!hit.found(p, i + 1)) return;
                }
            }
        }
    }
}
