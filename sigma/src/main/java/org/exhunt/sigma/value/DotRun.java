package org.exhunt.sigma.value;

/**
 * Expressions that are nothing but a counted run of any character, {@code .{n}}, {@code .{n,}}
 * or {@code .{n,m}} (SigmaHQ uses {@code .{1000,}} to spot overlong command lines). Such an
 * expression occurs in a text exactly when the text holds a run of at least {@code n} characters
 * that '.' accepts, so it is answered by counting, without the regex engine: RE2 compiles the
 * repetition into {@code n} instructions and its NFA then tracks up to {@code n} threads per
 * character, which made this one expression half of all regex time over Windows logs.
 *
 * <p>'.' follows RE2: one code point (a surrogate pair counts once, a lone surrogate too), any
 * but {@code '\n'} unless the {@code s} flag is on.
 */
final class DotRun {
    private final int min;
    private final boolean dotAll;

    private DotRun(int min, boolean dotAll) {
        this.min = min;
        this.dotAll = dotAll;
    }

    /** The run an expression stands for, or null when it is anything else. */
    static DotRun of(String regex, boolean dotAll) {
        if (regex.length() < 4 || !regex.startsWith(".{") || !regex.endsWith("}")) {
            return null;
        }
        String body = regex.substring(2, regex.length() - 1);
        int comma = body.indexOf(',');
        String low = comma < 0 ? body : body.substring(0, comma);
        String high = comma < 0 ? "" : body.substring(comma + 1);
        if (!Numbers.isDigits(low) || (!high.isEmpty() && !Numbers.isDigits(high)) || low.length() > 4) {
            return null;
        }
        int n = Integer.parseInt(low);
        if (!high.isEmpty() && (high.length() > 4 || Integer.parseInt(high) < n)) {
            return null;
        }
        return new DotRun(n, dotAll);
    }

    /** Whether the text holds {@code min} consecutive characters that '.' accepts. */
    boolean occursIn(String text) {
        int n = text.length();
        if (n < min) {
            return false; // a code point is one or two chars: fewer chars than the run cannot hold it
        }
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && !dotAll) {
                run = 0;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            if (++run >= min) {
                return true;
            }
        }
        return min == 0;
    }
}
