package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Regular expressions that are a plain sequence of single-character items, each with an optional
 * quantifier, between optional {@code ^} and {@code $}: {@code \s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}},
 * {@code ^[A-Za-z0-9]{16}$}, {@code \+.*\+.*\+}. Many SigmaHQ expressions have this shape, and
 * for them the question "does it occur in the text" is answered by a bit-parallel automaton
 * (shift-and, extended with optional and repeated items) at a few word operations per
 * character, where RE2/J's general machine spends a thread per live state.
 *
 * <p>Item {@code k} of the expanded sequence is bit {@code k} of the state: set when some way
 * of reading the text so far ends right after item {@code k}. Bit 0 is the empty prefix.
 * {@code X{n,m}} expands to {@code n} required and {@code m-n} optional copies of {@code X},
 * {@code X{n,}} to {@code n} required copies and one repeating optional copy.
 *
 * <p>Only what reads exactly like RE2 is accepted (anything else stays with RE2/J): no groups,
 * alternation, case folding, multi-line anchors or Unicode classes; {@code .} is one code point
 * other than {@code '\n'} (any code point under the {@code s} flag); {@code \d}, {@code \w},
 * {@code \s} are RE2's ASCII classes ({@code \s} is tab, newline, form feed, carriage return
 * and space); a negated class matches {@code '\n'} and every code point outside it; the text is
 * read by code points, a lone surrogate being one.
 */
final class LinearRegex {
    /** Longest expanded sequence taken on; longer ones stay with RE2/J. */
    private static final int MAX_ITEMS = 250;

    private final int items;
    /**
     * Items that can't be skipped: each reads one code point, so a text with fewer characters
     * can't match. SigmaHQ's longer expressions ({@code \s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}},
     * 82 items) are tested on every command line, and most command lines are shorter.
     */
    private final int required;
    private final int words;
    private final boolean startAnchored;
    private final boolean endAnchored;
    /** Per ASCII character, the items it satisfies, as bits {@code 1..items}. */
    private final long[][] ascii;
    /** Items that may be skipped (bits). */
    private final long[] optional;
    /** Items that may repeat (bits). */
    private final long[] repeating;
    /** The item sets, for characters outside ASCII. */
    private final CharSet[] sets;

    private LinearRegex(List<CharSet> sequence, List<Boolean> optionalItems, List<Boolean> repeatingItems,
            boolean startAnchored, boolean endAnchored) {
        this.items = sequence.size();
        int skippable = 0;
        for (boolean o : optionalItems) {
            skippable += o ? 1 : 0;
        }
        this.required = items - skippable;
        this.words = (items + 1 + 63) / 64 + 1; // one spare word so the carry of a fill never leaves the array
        this.startAnchored = startAnchored;
        this.endAnchored = endAnchored;
        this.sets = sequence.toArray(new CharSet[0]);
        this.ascii = new long[128][words];
        this.optional = new long[words];
        this.repeating = new long[words];
        for (int k = 1; k <= items; k++) {
            CharSet set = sets[k - 1];
            for (int c = 0; c < 128; c++) {
                if (set.contains(c)) {
                    setBit(ascii[c], k);
                }
            }
            if (optionalItems.get(k - 1)) {
                setBit(optional, k);
            }
            if (repeatingItems.get(k - 1)) {
                setBit(repeating, k);
            }
        }
    }

    /**
     * The expression as a linear sequence, or null when it has another shape or uses something
     * this class does not read exactly as RE2 does.
     */
    static LinearRegex of(String regex, boolean ignoreCase, boolean multiline, boolean dotAll) {
        if (ignoreCase) {
            return null;
        }
        List<CharSet> sequence = new ArrayList<>();
        List<Boolean> optionalItems = new ArrayList<>();
        List<Boolean> repeatingItems = new ArrayList<>();
        int n = regex.length();
        int i = 0;
        boolean start = false;
        boolean end = false;
        if (i < n && regex.charAt(i) == '^') {
            start = true;
            i++;
        }
        if (n > i && regex.charAt(n - 1) == '$' && !escaped(regex, n - 1)) {
            end = true;
            n--;
        }
        if ((start || end) && multiline) {
            return null;
        }
        while (i < n) {
            char c = regex.charAt(i);
            CharSet set;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                set = CharSet.escape(regex.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int close = classEnd(regex, i, n);
                if (close < 0) {
                    return null;
                }
                set = CharSet.bracket(regex.substring(i + 1, close));
                i = close + 1;
            } else if (c == '.') {
                set = CharSet.dot(dotAll);
                i++;
            } else if ("()|^$*+?{}]".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                return null;
            } else {
                set = CharSet.single(c);
                i++;
            }
            if (set == null) {
                return null;
            }
            int min = 1;
            int max = 1;
            if (i < n) {
                char q = regex.charAt(i);
                if (q == '*' || q == '+' || q == '?') {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : -1;
                    i++;
                } else if (q == '{') {
                    int close = regex.indexOf('}', i);
                    if (close < 0 || close >= n) {
                        return null;
                    }
                    int[] bounds = bounds(regex.substring(i + 1, close));
                    if (bounds == null) {
                        return null;
                    }
                    min = bounds[0];
                    max = bounds[1];
                    i = close + 1;
                }
                if (i < n && regex.charAt(i) == '?' && (min != 1 || max != 1)) {
                    i++; // a lazy quantifier finds the same occurrences
                }
                if (i < n && "*+?{".indexOf(regex.charAt(i)) >= 0) {
                    return null;
                }
            }
            int copies = max < 0 ? Math.max(min, 1) : max;
            if (sequence.size() + copies > MAX_ITEMS) {
                return null;
            }
            for (int k = 0; k < copies; k++) {
                sequence.add(set);
                optionalItems.add(k >= min);
                repeatingItems.add(max < 0 && k == copies - 1);
            }
        }
        return new LinearRegex(sequence, optionalItems, repeatingItems, start, end);
    }

    private static boolean escaped(String regex, int at) {
        int slashes = 0;
        for (int i = at - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open, int n) {
        int i = open + 1;
        if (i < n && regex.charAt(i) == '^') {
            i++;
        }
        if (i < n && regex.charAt(i) == ']') {
            return -1; // a leading ']' is a literal to RE2: left to it
        }
        for (; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} as [min, max] (max -1 for none), or null. */
    private static int[] bounds(String body) {
        int comma = body.indexOf(',');
        String low = comma < 0 ? body : body.substring(0, comma);
        String high = comma < 0 ? low : body.substring(comma + 1);
        if (!Numbers.isDigits(low) || (!high.isEmpty() && !Numbers.isDigits(high)) || low.length() > 3 || high.length() > 3) {
            return null;
        }
        int min = Integer.parseInt(low);
        int max = high.isEmpty() ? -1 : Integer.parseInt(high);
        if (max >= 0 && max < min) {
            return null;
        }
        return new int[] {min, max};
    }

    private static void setBit(long[] bits, int k) {
        bits[k >>> 6] |= 1L << (k & 63);
    }

    private boolean accepted(long[] state) {
        return (state[items >>> 6] & 1L << (items & 63)) != 0;
    }

    /** Whether the expression occurs somewhere in {@code text} (RE2's {@code find}). */
    boolean find(String text) {
        if (text.length() < required) {
            return false;
        }
        int w = words;
        long[] state = new long[w];
        long[] next = new long[w];
        long[] scratch = new long[w];
        state[0] = 1;
        close(state, scratch);
        if (accepted(state) && (!endAnchored || text.isEmpty())) {
            return true;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.charAt(i);
            int width = 1;
            if (Character.isHighSurrogate((char) c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(i + 1));
                width = 2;
            }
            i += width;
            long[] admits = c < 128 ? ascii[c] : admits(c);
            // next = ((state << 1) | (state & repeating)) & admits
            long carry = 0;
            boolean any = false;
            for (int k = 0; k < w; k++) {
                long s = state[k];
                long v = ((s << 1) | carry | (s & repeating[k])) & admits[k];
                carry = s >>> 63;
                next[k] = v;
                any |= v != 0;
            }
            if (!startAnchored) {
                next[0] |= 1;
            } else if (!any) {
                return false; // anchored at the start and no way forward: nothing later can match
            }
            close(next, scratch);
            long[] t = state;
            state = next;
            next = t;
            if (accepted(state) && (!endAnchored || i == n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds to {@code state} every item reachable by skipping optional items: each run of optional
     * bits that a set bit leads into is filled from there to its end. Adding the entry bits to
     * the optional mask carries through exactly those runs, which the exclusive-or then reveals.
     */
    private void close(long[] state, long[] entry) {
        int w = words;
        long carry = 0;
        boolean anyEntry = false;
        for (int k = 0; k < w; k++) {
            long s = state[k];
            long e = ((s << 1) | carry) & optional[k];
            carry = s >>> 63;
            entry[k] = e;
            anyEntry |= e != 0;
        }
        if (!anyEntry) {
            return;
        }
        long add = 0;
        for (int k = 0; k < w; k++) {
            long o = optional[k];
            long e = entry[k];
            long sum = o + e + add;
            // unsigned carry out of o + e + add
            add = Long.compareUnsigned(sum, o) < 0 || (add != 0 && sum == o) ? 1 : 0;
            state[k] |= e | ((sum ^ o) & o);
        }
    }

    /** Items a code point outside ASCII satisfies. */
    private long[] admits(int c) {
        long[] bits = new long[words];
        for (int k = 1; k <= items; k++) {
            if (sets[k - 1].contains(c)) {
                setBit(bits, k);
            }
        }
        return bits;
    }

    /** A set of code points: ASCII by table, the rest by whether the set is negated. */
    private static final class CharSet {
        private final boolean[] asciiMembers = new boolean[128];
        /** Whether code points outside ASCII belong (negated classes, '.'). */
        private final boolean outside;

        private CharSet(boolean outside) {
            this.outside = outside;
        }

        boolean contains(int c) {
            return c < 128 ? asciiMembers[c] : outside;
        }

        static CharSet single(char c) {
            if (c >= 128) {
                return null;
            }
            CharSet s = new CharSet(false);
            s.asciiMembers[c] = true;
            return s;
        }

        static CharSet dot(boolean dotAll) {
            CharSet s = new CharSet(true);
            for (int c = 0; c < 128; c++) {
                s.asciiMembers[c] = dotAll || c != '\n';
            }
            return s;
        }

        /** A backslash escape outside a class. */
        static CharSet escape(char e) {
            CharSet perl = perl(e);
            if (perl != null) {
                return perl;
            }
            int c = escapedChar(e);
            return c < 0 ? null : single((char) c);
        }

        /** {@code \d \D \w \W \s \S}, or null. */
        private static CharSet perl(char e) {
            boolean negated = Character.isUpperCase(e);
            String members;
            switch (Character.toLowerCase(e)) {
                case 'd' -> members = "0123456789";
                case 'w' -> members = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
                case 's' -> members = "\t\n\f\r ";
                default -> {
                    return null;
                }
            }
            CharSet s = new CharSet(negated);
            for (int c = 0; c < 128; c++) {
                s.asciiMembers[c] = negated != (members.indexOf(c) >= 0);
            }
            return s;
        }

        /** The character an escape stands for, or -1 for an escape left to RE2/J. */
        private static int escapedChar(char e) {
            switch (e) {
                case 'n':
                    return '\n';
                case 't':
                    return '\t';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                default:
                    // RE2 takes any escaped ASCII punctuation as itself
                    return e < 128 && !Character.isLetterOrDigit(e) && e > ' ' ? e : -1;
            }
        }

        /** The inside of {@code [...]}: characters, ranges and Perl classes, maybe negated. */
        static CharSet bracket(String body) {
            boolean negated = body.startsWith("^");
            int i = negated ? 1 : 0;
            boolean[] members = new boolean[128];
            if (i >= body.length()) {
                return null;
            }
            while (i < body.length()) {
                int lo;
                char c = body.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= body.length()) {
                        return null;
                    }
                    char e = body.charAt(i + 1);
                    CharSet perl = perl(e);
                    if (perl != null) {
                        if (perl.outside) {
                            return null; // \S, \W, \D inside a class: left to RE2/J
                        }
                        for (int k = 0; k < 128; k++) {
                            members[k] |= perl.asciiMembers[k];
                        }
                        i += 2;
                        continue;
                    }
                    lo = escapedChar(e);
                    i += 2;
                } else if (c == '[' || c >= 128) {
                    return null;
                } else {
                    lo = c;
                    i++;
                }
                if (lo < 0) {
                    return null;
                }
                int hi = lo;
                if (i + 1 < body.length() && body.charAt(i) == '-') {
                    char h = body.charAt(i + 1);
                    if (h == '\\') {
                        if (i + 2 >= body.length() || perl(body.charAt(i + 2)) != null) {
                            return null;
                        }
                        hi = escapedChar(body.charAt(i + 2));
                        i += 3;
                    } else if (h >= 128) {
                        return null;
                    } else {
                        hi = h;
                        i += 2;
                    }
                    if (hi < lo) {
                        return null;
                    }
                }
                for (int k = lo; k <= hi; k++) {
                    members[k] = true;
                }
            }
            CharSet s = new CharSet(negated);
            for (int c = 0; c < 128; c++) {
                s.asciiMembers[c] = negated != members[c];
            }
            return s;
        }
    }
}
