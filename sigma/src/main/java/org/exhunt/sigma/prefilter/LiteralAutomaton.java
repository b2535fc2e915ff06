package org.exhunt.sigma.prefilter;

import java.util.Arrays;
import java.util.List;

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
 *
 * <p>The scan is the per-event hot loop of rule matching, so the automaton is a complete
 * transition table (failure links already followed) over character classes: every folded
 * character that occurs in some literal gets a class, all other characters share class 0,
 * which always leads back to the start. An ASCII character finds its class in one array
 * read; only non-ASCII text pays for the full fold and a binary search. Should the table
 * grow too large (many thousands of literals over a wide alphabet), the automaton keeps a
 * table over the ASCII classes only, for as many states as fit, and per-state sorted edges
 * with failure links for the rest: non-ASCII characters and the deepest states. States are
 * numbered breadth-first, so the shallow states a scan spends nearly all its time in share
 * the first rows of either table.
 */
public final class LiteralAutomaton {

    /** Receives the index (in the build list) of each literal found; may be told more than once. */
    public interface HitSink {
        void hit(int literal);
    }

    private static final int ASCII = 128;
    /** Largest dense table kept, in entries (4 bytes each). */
    private static final int MAX_TABLE = 1 << 22;
    /**
     * Largest ASCII table kept beside the sparse form, in entries: a few megabytes hold the rows
     * of the shallow states that scans stay in, and every logsource's matcher has its own.
     */
    private static final int MAX_ASCII_TABLE = 1 << 20;

    /** Class of each ASCII character after folding; 0 when no literal uses it. */
    private final int[] asciiClass;
    /** The same, with {@code +} in the class of a space, for texts that write spaces as {@code +}. */
    private final int[] asciiClassPlus;
    /**
     * Per ASCII character: whether it leaves the start state where it is (no literal starts
     * with it). The same with {@code +} read as a space. See {@link #scanAscii}.
     */
    private final boolean[] idleAscii;
    private final boolean[] idleAsciiPlus;
    /** Folded non-ASCII characters used by literals, sorted, and their classes. */
    private final char[] wideChars;
    private final int[] wideClass;
    /** Number of classes, including class 0. */
    private final int classes;
    /**
     * Dense transitions, or null when sparse: the entry at {@code state * classes + class} is
     * the next state's row offset ({@code next * classes}), bitwise negated when that state has
     * output.
     */
    private final int[] delta;
    /** Whether a state has any output, so the hot loop tests one boolean. */
    private final boolean[] emits;
    private final int[][] out;
    // sparse form, used only when the dense table would be too large
    /**
     * All states' edges in one pair of arrays, a state's edges between {@code edgeStart[s]} and
     * {@code edgeStart[s + 1]}, sorted by character: large automata have a few hundred thousand
     * states, and an array or two per state was over a million objects for the collector to copy.
     */
    private final int[] edgeStart;
    private final char[] edgeKeys;
    private final int[] edgeNext;
    private final int[] fail;
    /** The scan that skips text, for a few long literals; null when it does not apply. */
    private final SkipScan skip;
    /**
     * With the sparse form: transitions over the ASCII classes ({@code 0..asciiClasses-1}) of
     * the states below {@link #asciiStates}; the entry at {@code state * asciiClasses + class}
     * is the next state, bitwise negated when that state has output. Other states, and
     * non-ASCII characters, step through the sparse edges and failure links.
     */
    private final int[] asciiDelta;
    private final int asciiClasses;
    private final int asciiStates;

    private LiteralAutomaton(int[] asciiClass, char[] wideChars, int[] wideClass, int classes, int[] delta,
            int[][] out, char[][] keys, int[][] next, int[] fail, int[] asciiDelta, int asciiClasses, SkipScan skip) {
        this.asciiClass = asciiClass;
        this.asciiClassPlus = asciiClass.clone();
        this.asciiClassPlus['+'] = asciiClass[' '];
        this.wideChars = wideChars;
        this.wideClass = wideClass;
        this.classes = classes;
        this.delta = delta;
        this.out = out;
        this.emits = new boolean[out.length];
        for (int s = 0; s < out.length; s++) {
            emits[s] = out[s].length > 0;
        }
        if (delta == null) {
            int n = keys.length;
            int edges = 0;
            for (char[] k : keys) {
                edges += k.length;
            }
            this.edgeStart = new int[n + 1];
            this.edgeKeys = new char[edges];
            this.edgeNext = new int[edges];
            int at = 0;
            for (int st = 0; st < n; st++) {
                edgeStart[st] = at;
                System.arraycopy(keys[st], 0, edgeKeys, at, keys[st].length);
                System.arraycopy(next[st], 0, edgeNext, at, next[st].length);
                at += keys[st].length;
            }
            edgeStart[n] = at;
            this.fail = fail;
        } else {
            // the full table already follows every edge and failure link
            this.edgeStart = null;
            this.edgeKeys = null;
            this.edgeNext = null;
            this.fail = null;
        }
        this.skip = skip;
        this.asciiDelta = asciiDelta;
        this.asciiClasses = asciiClasses;
        this.asciiStates = asciiDelta == null || asciiClasses == 0 ? 0 : asciiDelta.length / asciiClasses;
        this.idleAscii = new boolean[ASCII];
        this.idleAsciiPlus = new boolean[ASCII];
        int[] startRow = delta != null ? delta : asciiStates > 0 ? asciiDelta : null;
        if (startRow != null) {
            for (int c = 0; c < ASCII; c++) {
                // row 0 is the start state; an entry of 0 leads back to it with no output
                idleAscii[c] = startRow[asciiClass[c]] == 0;
                idleAsciiPlus[c] = startRow[asciiClassPlus[c]] == 0;
            }
        }
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
        return of(literals, MAX_TABLE);
    }

    /** As {@link #of(List)}, keeping the dense table only up to {@code maxTable} entries. */
    static LiteralAutomaton of(List<String> literals, int maxTable) {
        Trie trie = Trie.of(literals);
        int n = trie.states;
        char[][] keys = trie.keys;
        int[][] next = trie.next;
        int[][] own = trie.outputs;
        char[] alphabet = trie.alphabet;
        int[] fail = new int[n];
        int[][] out = new int[n][];
        int[] order = new int[n];
        int ordered = 0;
        // Breadth-first so a state's failure target is finished before the state itself; the
        // order array doubles as the queue.
        out[0] = own[0];
        order[ordered++] = 0;
        int queued = ordered;
        for (int t : next[0]) {
            fail[t] = 0;
            order[queued++] = t;
        }
        while (ordered < queued) {
            int s = order[ordered++];
            int[] inherited = out[fail[s]];
            int[] mine = own[s];
            if (inherited.length == 0) {
                out[s] = mine;
            } else if (mine.length == 0) {
                out[s] = inherited;
            } else {
                int[] merged = Arrays.copyOf(mine, mine.length + inherited.length);
                System.arraycopy(inherited, 0, merged, mine.length, inherited.length);
                out[s] = merged;
            }
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
                order[queued++] = t;
            }
        }

        // Number the states breadth-first: a state's failure target then has a smaller number,
        // and the shallow states, where scans spend nearly all their time, come first.
        int[] rank = new int[n];
        for (int o = 0; o < n; o++) {
            rank[order[o]] = o;
        }
        char[][] rKeys = new char[n][];
        int[][] rNext = new int[n][];
        int[] rFail = new int[n];
        int[][] rOut = new int[n][];
        for (int s = 0; s < n; s++) {
            int r = rank[s];
            rKeys[r] = keys[s];
            int[] t = next[s].clone();
            for (int i = 0; i < t.length; i++) {
                t[i] = rank[t[i]];
            }
            rNext[r] = t;
            rFail[r] = rank[fail[s]];
            rOut[r] = out[s];
        }
        keys = rKeys;
        next = rNext;
        fail = rFail;
        out = rOut;

        // Character classes: 1..k for the folded characters literals use, 0 for the rest.
        int[] asciiClass = new int[ASCII];
        int wideCount = 0;
        for (char c : alphabet) {
            if (c >= ASCII) {
                wideCount++;
            }
        }
        char[] wideChars = new char[wideCount];
        int[] wideClass = new int[wideCount];
        char[] classChar = new char[alphabet.length + 1];
        int classes = 1;
        int w = 0;
        for (char c : alphabet) {
            classChar[classes] = c;
            if (c < ASCII) {
                asciiClass[c] = classes;
            } else {
                wideChars[w] = c;
                wideClass[w++] = classes;
            }
            classes++;
        }
        // Index the ASCII table by the raw character, so the hot loop need not fold it.
        int[] byFolded = asciiClass.clone();
        for (int c = 0; c < ASCII; c++) {
            char f = fold((char) c);
            asciiClass[c] = f < ASCII ? byFolded[f] : 0;
        }

        int[] delta = null;
        int[] asciiDelta = null;
        int asciiClasses = 0;
        if ((long) n * classes <= maxTable) {
            delta = new int[n * classes];
            for (int s = 0; s < n; s++) {
                int base = s * classes;
                // A state goes where its failure state goes, except along its own edges. Failure
                // targets come earlier in breadth-first order, so their row is done; the start
                // state's row stays 0 (back to the start) except along its edges.
                if (s != 0) {
                    System.arraycopy(delta, fail[s] * classes, delta, base, classes);
                }
                char[] k = keys[s];
                int[] t = next[s];
                for (int i = 0; i < k.length; i++) {
                    char c = k[i];
                    int cl = c < ASCII ? byFolded[c] : wideClass[Arrays.binarySearch(wideChars, c)];
                    delta[base + cl] = t[i];
                }
            }
            // Store row offsets rather than states, and mark states with output by a negative
            // entry, so each character costs one table read and one sign test.
            for (int e = 0; e < delta.length; e++) {
                int t = delta[e];
                delta[e] = out[t].length > 0 ? ~(t * classes) : t * classes;
            }
        } else {
            // Classes 1..k are given in character order, so the ASCII ones come first.
            asciiClasses = 1;
            while (asciiClasses < classes && classChar[asciiClasses] < ASCII) {
                asciiClasses++;
            }
            int rows = (int) Math.min(n, Math.min(maxTable, MAX_ASCII_TABLE) / asciiClasses);
            asciiDelta = new int[rows * asciiClasses];
            for (int s = 0; s < rows; s++) {
                int base = s * asciiClasses;
                if (s != 0) {
                    System.arraycopy(asciiDelta, fail[s] * asciiClasses, asciiDelta, base, asciiClasses);
                }
                char[] k = keys[s];
                int[] t = next[s];
                for (int i = 0; i < k.length && k[i] < ASCII; i++) {
                    asciiDelta[base + byFolded[k[i]]] = t[i];
                }
            }
            for (int e = 0; e < asciiDelta.length; e++) {
                int t = asciiDelta[e];
                asciiDelta[e] = out[t].length > 0 ? ~t : t;
            }
        }
        return new LiteralAutomaton(asciiClass, wideChars, wideClass, classes, delta, out, keys, next, fail,
                asciiDelta, asciiClasses, SkipScan.of(literals));
    }

    private static int step(char[][] keys, int[][] next, int s, char c) {
        int i = Arrays.binarySearch(keys[s], c);
        return i >= 0 ? next[s][i] : -1;
    }

    /** Class of a non-ASCII raw character: folded, then looked up. */
    private int wideClassOf(char raw) {
        char f = fold(raw);
        if (f < ASCII) {
            return asciiClass[f];
        }
        int i = Arrays.binarySearch(wideChars, f);
        return i >= 0 ? wideClass[i] : 0;
    }

    /**
     * Reports the same hits as {@link #scan(String, HitSink)}, each occurrence once, in an order
     * of its own: for a few long literals this reads only a fraction of the text
     * ({@link SkipScan}). For callers that only collect which literals occur.
     */
    public void scanAnyOrder(String text, HitSink sink) {
        if (skip != null) {
            skip.scan(text, sink);
        } else {
            scan(text, sink);
        }
    }

    /** Reports every literal that occurs in {@code text}, ignoring case. */
    public void scan(CharSequence text, HitSink sink) {
        // Event values are Strings; anything else is rare enough to be copied into one.
        scan(text instanceof String s ? s : text.toString(), sink);
    }

    /**
     * As {@link #scan(CharSequence, HitSink)}. Event values are Strings, and reading a String's
     * characters through its own class rather than the CharSequence interface lets the compiler
     * inline {@code charAt}: this loop runs over every gated field of every event.
     */
    public void scan(String text, HitSink sink) {
        if (delta == null) {
            scanMixed(text, sink);
            return;
        }
        int[] d = delta;
        int[] ac = asciiClass;
        boolean[] idle = idleAscii;
        int k = classes;
        int row = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (row == 0) {
                // In the start state, characters no literal starts with are passed over without
                // the table, as in scanAscii: these reads do not wait for each other.
                while (c < ASCII && idle[c]) {
                    if (++i == n) {
                        return;
                    }
                    c = text.charAt(i);
                }
            }
            int cl = c < ASCII ? ac[c] : wideClassOf(c);
            row = d[row + cl];
            if (row < 0) {
                row = ~row;
                int[] o = out[row / k];
                for (int j = 0; j < o.length; j++) {
                    sink.hit(o[j]);
                }
            }
            i++;
        }
    }

    /**
     * The scan of an automaton too large for the full table: ASCII characters in the states that
     * have a row of {@link #asciiDelta} take one table read, the rest step through the sparse
     * edges and failure links.
     */
    private void scanMixed(String text, HitSink sink) {
        int[] ad = asciiDelta;
        int[] ac = asciiClass;
        boolean[] idle = idleAscii;
        int a = asciiClasses;
        int rows = asciiStates;
        int s = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (s == 0) {
                while (c < ASCII && idle[c]) {
                    if (++i == n) {
                        return;
                    }
                    c = text.charAt(i);
                }
            }
            if (c < ASCII && s < rows) {
                int e = ad[s * a + ac[c]];
                if (e < 0) {
                    s = ~e;
                    int[] o = out[s];
                    for (int j = 0; j < o.length; j++) {
                        sink.hit(o[j]);
                    }
                } else {
                    s = e;
                }
            } else {
                s = sparseStep(s, c < ASCII ? (char) (c - 'A' <= 'Z' - 'A' && c >= 'A' ? c | 0x20 : c) : fold(c));
                if (emits[s]) {
                    int[] o = out[s];
                    for (int j = 0; j < o.length; j++) {
                        sink.hit(o[j]);
                    }
                }
            }
            i++;
        }
    }

    /**
     * The state after the folded character {@code c} from state {@code s}: its own edge, or
     * that of the nearest failure state that has one, taken from the ASCII table as soon as
     * the walk reaches a state with a row there (the row already follows failure links).
     */
    private int sparseStep(int s, char c) {
        while (true) {
            int i = Arrays.binarySearch(edgeKeys, edgeStart[s], edgeStart[s + 1], c);
            if (i >= 0) {
                return edgeNext[i];
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
            if (c < ASCII && s < asciiStates) {
                int e = asciiDelta[s * asciiClasses + asciiClass[c]];
                return e < 0 ? ~e : e;
            }
        }
    }

    /**
     * Reports every literal that occurs in the ASCII text {@code b[from, to)}, ignoring case;
     * with {@code plusIsSpace} every {@code +} is read as a space. Returns {@code false} as soon
     * as it meets a byte outside ASCII (whose UTF-8 character may fold onto an ASCII one, like
     * the Kelvin sign), or when the automaton is in its sparse form: the caller then scans the
     * decoded text with {@link #scan(CharSequence, HitSink)}. Literals reported before that are
     * reported again by the second scan, which {@link HitSink} allows.
     */
    public boolean scanAscii(byte[] b, int from, int to, boolean plusIsSpace, HitSink sink) {
        if (delta == null) {
            return false;
        }
        int[] d = delta;
        int[] ac = plusIsSpace ? asciiClassPlus : asciiClass;
        boolean[] idle = plusIsSpace ? idleAsciiPlus : idleAscii;
        int k = classes;
        int row = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (row == 0) {
                // In the start state, characters no literal starts with are passed over without
                // the table: each step of the walk below waits for the table read before it, so
                // this loop, whose reads do not depend on each other, runs several times faster.
                while (c >= 0 && idle[c]) {
                    if (++i == to) {
                        return true;
                    }
                    c = b[i];
                }
            }
            if (c < 0) {
                return false;
            }
            row = d[row + ac[c]];
            if (row < 0) {
                row = ~row;
                int[] o = out[row / k];
                for (int j = 0; j < o.length; j++) {
                    sink.hit(o[j]);
                }
            }
            i++;
        }
        return true;
    }
}
