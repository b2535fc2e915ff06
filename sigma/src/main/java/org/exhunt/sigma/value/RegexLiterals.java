package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

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
        String best = "";
        for (String run : requiredRuns(regex, ignoreCase)) {
            if (run.length() > best.length()) {
                best = run;
            }
        }
        return best;
    }

    /**
     * Every run of plain characters that every match must contain, lower-cased, in the order
     * they appear in the expression; empty when none is certain. A value lacking any one of
     * them cannot match, which is checked before the regex engine runs.
     */
    static List<String> requiredRuns(String regex, boolean ignoreCase) {
        boolean folding = ignoreCase || regex.contains("(?");
        if (regex.contains("\\Q")) {
            return List.of();
        }
        StringBuilder run = new StringBuilder();
        List<String> runs = new ArrayList<>();
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
                        return List.of();
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
                    return List.of();
                case '(':
                    depth++;
                    break;
                case '[':
                    i = classEnd(regex, i);
                    if (i < 0) {
                        return List.of();
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
                        return List.of();
                    }
                    dropLast(run);
                    i = close;
                    break;
                case '\\':
                    if (i + 1 < n && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                        literal = regex.charAt(++i);
                        isLiteral = true;
                    } else {
                        i = escapeEnd(regex, i); // a class or assertion such as \d, \b, \x41: ends the run
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
            addRun(runs, run);
            run.setLength(0);
        }
        addRun(runs, run);
        return runs;
    }

    /**
     * What every match must contain, as choices: each inner list names runs (lower-cased) at
     * least one of which occurs in any matching text. Holds every plain run of
     * {@link #requiredRuns} alone, and for each top-level group that is neither optional nor
     * flagged, one run from each of its alternatives ({@code (@|%40)} gives {@code [@, %40]}).
     */
    static List<List<String>> requiredChoices(String regex, boolean ignoreCase) {
        List<List<String>> choices = new ArrayList<>();
        for (String run : requiredRuns(regex, ignoreCase)) {
            choices.add(List.of(run));
        }
        boolean folding = ignoreCase || regex.contains("(?");
        if (regex.contains("\\Q")) {
            return choices;
        }
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return choices;
                }
            } else if (c == '|') {
                // an alternation at the top: nothing outside a group is certain
                return List.of();
            } else if (c == '(') {
                int close = groupEnd(regex, i);
                if (close < 0) {
                    return choices;
                }
                char after = close + 1 < n ? regex.charAt(close + 1) : 0;
                if (after != '?' && after != '*' && after != '{') {
                    List<String> options = groupOptions(regex.substring(i + 1, close), folding);
                    if (options != null) {
                        choices.add(options);
                    }
                }
                i = close;
            }
        }
        return choices;
    }

    /** One run from each alternative of a group's body, or null when some alternative has none. */
    private static List<String> groupOptions(String body, boolean folding) {
        if (body.startsWith("?")) {
            if (!body.startsWith("?:")) {
                return null; // flags, names: left alone
            }
            body = body.substring(2);
        }
        List<String> options = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '|';
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(body, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                String best = longestRequired(body.substring(start, i), folding);
                if (best.isEmpty()) {
                    return null;
                }
                options.add(best);
                start = i + 1;
            }
        }
        return options;
    }

    /** Index of the ')' closing the group opened at {@code open}, or -1. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the last character of the escape that starts with the backslash at {@code at}
     * and goes on with a letter or digit, so that the digits of {@code \x41}, {@code \x{41}},
     * {@code \101} or the name in {@code \pL}, {@code \p{Greek}} are not read as plain
     * characters the text must contain.
     */
    private static int escapeEnd(String regex, int at) {
        int n = regex.length();
        int i = at + 1;
        if (i >= n) {
            return i;
        }
        char e = regex.charAt(i);
        if ((e == 'x' || e == 'p' || e == 'P') && i + 1 < n && regex.charAt(i + 1) == '{') {
            int close = regex.indexOf('}', i + 1);
            return close < 0 ? n : close;
        }
        if (e == 'x') {
            return Math.min(n - 1, i + 2);
        }
        if (e == 'p' || e == 'P') {
            return Math.min(n - 1, i + 1);
        }
        if (e >= '0' && e <= '7') {
            int end = i;
            while (end + 1 < n && end - i < 2 && regex.charAt(end + 1) >= '0' && regex.charAt(end + 1) <= '7') {
                end++;
            }
            return end;
        }
        return i;
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

    private static void addRun(List<String> runs, StringBuilder run) {
        if (run.length() > 0) {
            runs.add(CharFold.lower(run.toString()));
        }
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
