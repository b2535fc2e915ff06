package org.exhunt.sigma.value;

/**
 * How two characters are compared: a pattern character is folded once when compiled, a value
 * character each time it is read, and they match when the folded forms are equal.
 *
 * <p>Case folding is {@link Character#toLowerCase(char)} per character (not
 * {@code String.toLowerCase}, whose length may change), the same folding the required literals
 * are given in. Under {@code windash} every dash-like character folds to {@code '-'}.
 */
final class CharFold {
    static final CharFold IGNORE_CASE = new CharFold(false, false);
    static final CharFold CASED = new CharFold(true, false);
    static final CharFold IGNORE_CASE_DASHES = new CharFold(false, true);
    static final CharFold CASED_DASHES = new CharFold(true, true);

    private final boolean cased;
    private final boolean dashes;

    private CharFold(boolean cased, boolean dashes) {
        this.cased = cased;
        this.dashes = dashes;
    }

    static CharFold of(boolean cased, boolean dashes) {
        return cased ? (dashes ? CASED_DASHES : CASED) : (dashes ? IGNORE_CASE_DASHES : IGNORE_CASE);
    }

    boolean dashes() {
        return dashes;
    }

    char fold(char c) {
        if (!cased) {
            c = lower(c);
        }
        if (dashes && WindowsDash.isDash(c)) {
            c = '-';
        }
        return c;
    }

    /** Lower-cases one character, with a branch-light path for ASCII. */
    static char lower(char c) {
        if (c < 0x80) {
            return (char) (c - 'A' <= 'Z' - 'A' && c >= 'A' ? c | 0x20 : c);
        }
        return Character.toLowerCase(c);
    }

    static String lower(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lower(s.charAt(i));
        }
        return new String(out);
    }
}
