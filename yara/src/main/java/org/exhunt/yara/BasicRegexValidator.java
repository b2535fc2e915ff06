package org.exhunt.yara;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.yara.syntax.Regex;

/**
 * A recogniser for YARA's regex dialect that builds no matcher, following libyara's grammar:
 * alternatives of concatenations (the first alternative may not be empty, later ones may); a
 * repeat ({@code * + ? {n,m}}, each optionally lazy) follows something repeatable and is not
 * itself repeated; anchors and word boundaries are not repeatable; no backreferences, no
 * {@code (?...)} groups; {@code \x} takes two hex digits; class ranges run upwards; repeat
 * intervals are positive and at most {@value #MAX_REPEAT}; greedy and lazy repeats do not mix. A brace that does not form an
 * interval is a literal, as in YARA.
 */
final class BasicRegexValidator {

    /** YARA's largest repeat bound (RE_MAX_RANGE). */
    static final int MAX_REPEAT = Short.MAX_VALUE;

    private static final Pattern INTERVAL = Pattern.compile("\\{(\\d*)(,(\\d*))?}");

    private final String s;
    private int i;
    private boolean greedy;
    private boolean lazy;

    private BasicRegexValidator(String source) {
        this.s = source;
    }

    static Optional<String> check(Regex regex) {
        BasicRegexValidator v = new BasicRegexValidator(regex.source());
        try {
            v.alternation();
            if (v.i < v.s.length()) {
                throw new Invalid("syntax error: unbalanced parenthesis, \")\" without \"(\"");
            }
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    private void alternation() {
        if (!concatenation()) {
            throw new Invalid("syntax error: empty " + (i < s.length() && s.charAt(i) == '|' ? "first alternative" : "expression")
                    + " at offset " + i);
        }
        while (i < s.length() && s.charAt(i) == '|') {
            i++;
            concatenation();
        }
    }

    /** False when nothing was read. */
    private boolean concatenation() {
        boolean any = false;
        while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
            boolean repeatable = single();
            any = true;
            if (repeat()) {
                if (!repeatable) {
                    throw new Invalid("syntax error: nothing to repeat before offset " + (i - 1));
                }
                if (i < s.length() && startsRepeat()) {
                    throw new Invalid("syntax error: a repeat cannot itself be repeated (offset " + i + ")");
                }
            }
        }
        return any;
    }

    /** Reads one atom; true when a repeat may follow it. */
    private boolean single() {
        char c = s.charAt(i);
        switch (c) {
            case '(' -> {
                if (i + 1 < s.length() && s.charAt(i + 1) == '?') {
                    throw new Invalid("syntax error: \"(?\" groups are not supported");
                }
                i++;
                alternation();
                if (i >= s.length() || s.charAt(i) != ')') {
                    throw new Invalid("syntax error: unbalanced parenthesis, missing \")\"");
                }
                i++;
                return true;
            }
            case '^', '$' -> {
                i++;
                return false;
            }
            case '*', '+', '?' -> throw new Invalid("syntax error: nothing to repeat before \"" + c + "\" at offset " + i);
            case '[' -> {
                characterClass();
                return true;
            }
            case '\\' -> {
                return escape();
            }
            case '{' -> {
                if (isInterval()) {
                    throw new Invalid("syntax error: nothing to repeat before \"{\" at offset " + i);
                }
                i++;
                return true;
            }
            default -> {
                i++;
                return true;
            }
        }
    }

    private boolean startsRepeat() {
        char c = s.charAt(i);
        return c == '*' || c == '+' || c == '?' || (c == '{' && isInterval());
    }

    private boolean isInterval() {
        Matcher m = INTERVAL.matcher(s).region(i, s.length());
        return m.lookingAt() && m.end() - i > 2;
    }

    /** Reads a repeat operator if one is here; true when it did. */
    private boolean repeat() {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '*' || c == '+' || c == '?') {
            i++;
        } else if (c == '{' && isInterval()) {
            Matcher m = INTERVAL.matcher(s).region(i, s.length());
            m.lookingAt();
            checkInterval(m.group(1), m.group(2) == null ? m.group(1) : m.group(3));
            i = m.end();
        } else {
            return false;
        }
        if (i < s.length() && s.charAt(i) == '?') {
            i++;
            lazy = true;
        } else {
            greedy = true;
        }
        if (greedy && lazy) {
            throw new Invalid("greedy and ungreedy quantifiers can't be mixed in a regular expression");
        }
        return true;
    }

    private static void checkInterval(String lo, String hi) {
        long min = lo.isEmpty() ? 0 : number(lo);
        long max = hi.isEmpty() ? -1 : number(hi);
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
            throw new Invalid("repeat interval too large (at most " + MAX_REPEAT + ")");
        }
        if (max == 0 || (max > 0 && min > max)) {
            throw new Invalid("bad repeat interval {" + lo + (lo.equals(hi) ? "" : "," + hi) + "}");
        }
    }

    private static long number(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** Reads an escape outside a class; true when a repeat may follow it. */
    private boolean escape() {
        if (i + 1 >= s.length()) {
            throw new Invalid("trailing backslash");
        }
        char e = s.charAt(i + 1);
        if (e >= '0' && e <= '9') {
            throw new Invalid("backreferences are not allowed (\\" + e + ")");
        }
        if (e == 'x') {
            hexEscape();
            return true;
        }
        i += 2;
        return e != 'b' && e != 'B';
    }

    private int hexEscape() {
        if (!isHex(i + 2) || !isHex(i + 3)) {
            throw new Invalid("illegal escape sequence: \\x needs two hex digits");
        }
        int v = Integer.parseInt(s.substring(i + 2, i + 4), 16);
        i += 4;
        return v;
    }

    private void characterClass() {
        int open = i;
        i++;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= s.length()) {
                throw new Invalid("missing terminating ] for character class opened at offset " + open);
            }
            if (s.charAt(i) == ']' && !first) {
                i++;
                return;
            }
            first = false;
            int low = classMember();
            if (low >= 0 && i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
                i++;
                int high = classMember();
                if (high >= 0 && high < low) {
                    throw new Invalid("bad character range in class at offset " + open);
                }
            }
        }
    }

    /** Reads one class member; its byte value, or -1 for a shorthand class such as {@code \d}. */
    private int classMember() {
        char c = s.charAt(i);
        if (c != '\\') {
            i++;
            return c;
        }
        if (i + 1 >= s.length()) {
            throw new Invalid("trailing backslash");
        }
        char e = s.charAt(i + 1);
        if (e == 'x') {
            return hexEscape();
        }
        i += 2;
        return switch (e) {
            case 'd', 'D', 'w', 'W', 's', 'S' -> -1;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'a' -> 0x07;
            case 'e' -> 0x1B;
            default -> e;
        };
    }

    private boolean isHex(int at) {
        return at < s.length() && Character.digit(s.charAt(at), 16) >= 0;
    }

    /** Ends the recognition with a reason. */
    private static final class Invalid extends RuntimeException {

        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
