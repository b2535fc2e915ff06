package org.exhunt.sigma.value;

/**
 * A run of characters, lower-cased per character ({@link CharFold#lower(char)}), looked for in
 * a text lower-cased the same way. Regular expressions check their required runs this way
 * before the regex engine runs, on every value that passes a rule's literal gate, so the search
 * does not read the text a character at a time: it lets {@link String#indexOf(int, int)} find the
 * occurrences of one "anchor" character of the run, in each of the few spellings that lower-case
 * to it, and compares the whole run only there.
 */
final class LoweredRun {
    /** For each ASCII character, every character that lower-cases to it (found by trying them all). */
    private static final char[][] SPELLINGS = spellings();
    /** Characters so common in event values (paths, command lines) that they make poor anchors. */
    private static final String COMMON = " \\.-/:_,=\"'0123456789eaoinstr";

    private final char[] run;
    /** Index in {@link #run} of the anchor, or -1 to compare at every position. */
    private final int anchor;
    private final char[] anchorSpellings;

    LoweredRun(char[] run) {
        this.run = run;
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < run.length; i++) {
            char c = run[i];
            if (c >= 128 || SPELLINGS[c].length == 0 || SPELLINGS[c].length > 3) {
                continue;
            }
            int score = SPELLINGS[c].length * 4 + (COMMON.indexOf(c) >= 0 ? 2 : 0);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        this.anchor = best;
        this.anchorSpellings = best < 0 ? null : SPELLINGS[run[best]];
    }

    private static char[][] spellings() {
        StringBuilder[] found = new StringBuilder[128];
        for (int c = 0; c < 128; c++) {
            found[c] = new StringBuilder();
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char lower = CharFold.lower((char) c);
            if (lower < 128) {
                found[lower].append((char) c);
            }
        }
        char[][] out = new char[128][];
        for (int c = 0; c < 128; c++) {
            out[c] = found[c].toString().toCharArray();
        }
        return out;
    }

    /** Whether {@code text}, lower-cased per character, contains the run. */
    boolean occursIn(String text) {
        int m = run.length;
        int n = text.length();
        if (m > n) {
            return false;
        }
        if (anchor < 0) {
            return scanEverywhere(text);
        }
        char[] spell = anchorSpellings;
        // next occurrence of each spelling at or after 'from' (up to three spellings: 'k' also
        // has the Kelvin sign, 'i' the dotted capital I); -2 means not yet looked for
        char s0 = spell[0];
        char s1 = spell.length > 1 ? spell[1] : s0;
        char s2 = spell.length > 2 ? spell[2] : s0;
        int n0 = -2;
        int n1 = spell.length > 1 ? -2 : -1;
        int n2 = spell.length > 2 ? -2 : -1;
        int from = anchor;
        int lastStart = n - m;
        while (true) {
            if (n0 == -2 || (n0 >= 0 && n0 < from)) {
                n0 = text.indexOf(s0, from);
            }
            if (n1 == -2 || (n1 >= 0 && n1 < from)) {
                n1 = text.indexOf(s1, from);
            }
            if (n2 == -2 || (n2 >= 0 && n2 < from)) {
                n2 = text.indexOf(s2, from);
            }
            int j = earliest(n0, earliest(n1, n2));
            if (j < 0 || j - anchor > lastStart) {
                return false;
            }
            if (matchesAt(text, j - anchor)) {
                return true;
            }
            from = j + 1;
        }
    }

    private static int earliest(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private boolean matchesAt(String text, int start) {
        for (int t = 0; t < run.length; t++) {
            if (CharFold.lower(text.charAt(start + t)) != run[t]) {
                return false;
            }
        }
        return true;
    }

    private boolean scanEverywhere(String text) {
        int m = run.length;
        char first = run[0];
        for (int i = 0, last = text.length() - m; i <= last; i++) {
            if (CharFold.lower(text.charAt(i)) != first) {
                continue;
            }
            int j = 1;
            while (j < m && CharFold.lower(text.charAt(i + j)) == run[j]) {
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }
}
