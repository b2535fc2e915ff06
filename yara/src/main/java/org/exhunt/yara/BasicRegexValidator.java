package org.exhunt.yara;

import java.util.Optional;
import org.exhunt.yara.syntax.Regex;

/**
 * A structural check of YARA's regex dialect, without building a matcher: parentheses balance,
 * character classes close, repeat operators follow something repeatable, {@code {n,m}} intervals
 * are ordered and within YARA's limit, and no escape is left dangling.
 */
final class BasicRegexValidator {

    /** YARA's largest repeat bound (RE_MAX_RANGE). */
    static final int MAX_REPEAT = Short.MAX_VALUE;

    private BasicRegexValidator() {
    }

    static Optional<String> check(Regex regex) {
        String s = regex.source();
        int depth = 0;
        boolean repeatable = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= s.length()) {
                        return Optional.of("trailing backslash");
                    }
                    if (s.charAt(i + 1) == 'x') {
                        if (!isHex(s, i + 2) || !isHex(s, i + 3)) {
                            return Optional.of("\\x must be followed by two hex digits");
                        }
                        i += 4;
                    } else {
                        i += 2;
                    }
                    repeatable = true;
                }
                case '(' -> {
                    depth++;
                    i++;
                    if (i + 1 < s.length() && s.charAt(i) == '?' && s.charAt(i + 1) == ':') {
                        i += 2;
                    }
                    repeatable = false;
                }
                case ')' -> {
                    if (depth == 0) {
                        return Optional.of("unbalanced parenthesis: \")\" without \"(\"");
                    }
                    depth--;
                    i++;
                    repeatable = true;
                }
                case '|' -> {
                    i++;
                    repeatable = false;
                }
                case '[' -> {
                    int end = classEnd(s, i);
                    if (end < 0) {
                        return Optional.of("unterminated character class: missing \"]\"");
                    }
                    i = end + 1;
                    repeatable = true;
                }
                case '*', '+', '?' -> {
                    if (!repeatable) {
                        return Optional.of("nothing to repeat before \"" + c + "\"");
                    }
                    i++;
                    if (i < s.length() && s.charAt(i) == '?') {
                        i++;
                    }
                    repeatable = false;
                }
                case '{' -> {
                    int end = s.indexOf('}', i);
                    String interval = end < 0 ? null : s.substring(i + 1, end);
                    if (interval == null || !interval.matches("\\d*(,\\d*)?") || interval.isEmpty() || interval.equals(",")) {
                        // Not an interval: YARA reads the brace as a literal character.
                        i++;
                        repeatable = true;
                        continue;
                    }
                    if (!repeatable) {
                        return Optional.of("nothing to repeat before \"{" + interval + "}\"");
                    }
                    Optional<String> bad = checkInterval(interval);
                    if (bad.isPresent()) {
                        return bad;
                    }
                    i = end + 1;
                    if (i < s.length() && s.charAt(i) == '?') {
                        i++;
                    }
                    repeatable = false;
                }
                default -> {
                    i++;
                    repeatable = true;
                }
            }
        }
        if (depth > 0) {
            return Optional.of("unbalanced parenthesis: missing \")\"");
        }
        return Optional.empty();
    }

    private static Optional<String> checkInterval(String interval) {
        int comma = interval.indexOf(',');
        String lo = comma < 0 ? interval : interval.substring(0, comma);
        String hi = comma < 0 ? interval : interval.substring(comma + 1);
        long min = lo.isEmpty() ? 0 : parse(lo);
        long max = hi.isEmpty() ? -1 : parse(hi);
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
            return Optional.of("repeat interval too large (at most " + MAX_REPEAT + ")");
        }
        if (max >= 0 && min > max) {
            return Optional.of("bad repeat interval {" + interval + "}: lower bound above upper bound");
        }
        return Optional.empty();
    }

    private static long parse(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
