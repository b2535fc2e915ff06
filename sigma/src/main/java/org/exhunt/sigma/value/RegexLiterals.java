package org.exhunt.sigma.value;

/**
 * Finds a run of plain characters that every match of a regular expression must contain, so
 * that regex rules can take part in literal prefiltering. The scan is deliberately
 * conservative: only characters at the top level of the expression (outside groups, classes
 * and alternations) and not under a quantifier count; anything it does not understand ends the
 * run or gives up. Under case-insensitive matching, RE2 also folds 'k' with the Kelvin sign and
 * 's' with the long s, which lower-casing does not, so those letters and all non-ASCII
 * characters end a run there.
 */
final class RegexLiterals {
    private RegexLiterals() {
    }

    /** The longest required run, lower-cased, or "" when none is certain. */
    static String longestRequired(String regex, boolean ignoreCase) {
        boolean folding = ignoreCase || regex.contains("(?");
        if (regex.contains("\\Q")) {
            return "";
        }
        StringBuilder run = new StringBuilder();
        String best = "";
        int depth = 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    i = classEnd(regex, i);
                    if (i < 0) {
                        return "";
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            char literal = 0;
            boolean isLiteral = false;
            switch (c) {
                case '|':
                    return "";
                case '(':
                    depth++;
                    break;
                case '[':
                    i = classEnd(regex, i);
                    if (i < 0) {
                        return "";
                    }
                    break;
                case '*', '+', '?':
                    dropLast(run);
                    break;
                case '{':
                    // Only {n}, {n,} and {n,m} repeat; any other brace is a plain character to
                    // RE2, and skipping to the next '}' could hide an alternation ({|a}a).
                    int close = repetitionEnd(regex, i);
                    if (close < 0) {
                        return "";
                    }
                    dropLast(run);
                    i = close;
                    break;
                case '\\':
                    if (i + 1 < n && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                        literal = regex.charAt(++i);
                        isLiteral = true;
                    } else {
                        i++; // a class or assertion such as \d, \b, \x41: ends the run
                    }
                    break;
                case '.', '^', '$', ')', ']', '}':
                    break;
                default:
                    literal = c;
                    isLiteral = true;
            }
            if (isLiteral && !(folding && foldsBeyondLowerCase(literal))) {
                run.append(literal);
                continue;
            }
            // anything else ends the run; a quantifier has already taken back its character
            best = longer(best, run);
            run.setLength(0);
        }
        best = longer(best, run);
        return CharFold.lower(best);
    }

    /** Index of the '}' ending a repetition {n}, {n,} or {n,m} that starts at {@code open}, or -1. */
    private static int repetitionEnd(String regex, int open) {
        int i = open + 1;
        int digits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= regex.length()) {
            return -1;
        }
        if (regex.charAt(i) == ',') {
            i++;
            while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
                i++;
            }
        }
        return i < regex.length() && regex.charAt(i) == '}' ? i : -1;
    }

    /** A character followed by a quantifier is optional or repeated: take it out of the run. */
    private static void dropLast(StringBuilder run) {
        if (run.length() > 0) {
            run.setLength(run.length() - 1);
        }
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    private static boolean foldsBeyondLowerCase(char c) {
        return c >= 0x80 || c == 'k' || c == 'K' || c == 's' || c == 'S';
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
