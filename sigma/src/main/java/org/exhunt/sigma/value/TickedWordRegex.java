package org.exhunt.sigma.value;

import java.util.Set;

/**
 * SigmaHQ's expression for PowerShell words broken up by backtick escapes,
 * {@code \w+`(\w+|-|.)`[\w+|\s]}, answered by looking at the characters around each backtick.
 * RE2/J runs it at well over a hundred nanoseconds per character, and the script blocks it is
 * asked about are thousands of characters long: that one expression cost more than every other
 * regular expression of the rule set together.
 *
 * <p>The same answer as RE2/J, reasoned out: {@code \w+} right before a backtick holds exactly
 * when the character before it is a word character; the group is either the whole run of word
 * characters after the backtick (a backtick is not one, so no shorter run can be followed by
 * one) or a single code point other than a line feed (which covers {@code -}); then a backtick
 * and one of {@code [\w+|\s]}. {@code \w} and {@code \s} are RE2's ASCII classes
 * ({@code [0-9A-Za-z_]}, {@code [\t\n\f\r ]}); {@code .} takes a surrogate pair as one code point.
 */
final class TickedWordRegex {

    /** The spellings of the expression in use: with a capturing or a non-capturing group. */
    private static final Set<String> SPELLINGS = Set.of("\\w+`(\\w+|-|.)`[\\w+|\\s]", "\\w+`(?:\\w+|-|.)`[\\w+|\\s]");

    private static final TickedWordRegex INSTANCE = new TickedWordRegex();

    private TickedWordRegex() {
    }

    /** The matcher for {@code regex}, or null when it is not this expression without flags. */
    static TickedWordRegex of(String regex, boolean ignoreCase, boolean multiline, boolean dotAll) {
        return !ignoreCase && !multiline && !dotAll && SPELLINGS.contains(regex) ? INSTANCE : null;
    }

    /** Whether the expression matches anywhere in {@code text}. */
    boolean find(String text) {
        int n = text.length();
        int i = text.indexOf('`', 1);
        while (i >= 0) {
            if (isWord(text.charAt(i - 1)) && closesAfter(text, i, n)) {
                return true;
            }
            i = text.indexOf('`', i + 1);
        }
        return false;
    }

    /** Whether a group and a second backtick, then a closing character, follow the backtick at {@code tick}. */
    private static boolean closesAfter(String text, int tick, int n) {
        int g = tick + 1;
        if (g >= n) {
            return false;
        }
        // the run of word characters
        int e = g;
        while (e < n && isWord(text.charAt(e))) {
            e++;
        }
        if (e > g && closedAt(text, e, n)) {
            return true;
        }
        // one code point other than a line feed
        char c = text.charAt(g);
        if (c == '\n') {
            return false;
        }
        int after = Character.isHighSurrogate(c) && g + 1 < n && Character.isLowSurrogate(text.charAt(g + 1)) ? g + 2 : g + 1;
        return closedAt(text, after, n);
    }

    /** A backtick at {@code at}, then one character of {@code [\w+|\s]}. */
    private static boolean closedAt(String text, int at, int n) {
        if (at + 1 >= n || text.charAt(at) != '`') {
            return false;
        }
        char c = text.charAt(at + 1);
        return isWord(c) || c == '+' || c == '|' || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
