package org.exhunt.sigma.value;

/**
 * Guards RE2/J against a pattern it never finishes compiling. With case-insensitive matching on,
 * RE2/J walks the case-fold orbit of every letter a pattern names, and for U+1C80..U+1C88 (the
 * Cyrillic Extended-C letters) its fold table and the Java runtime's case mapping disagree, so
 * the walk never returns to where it started: {@code (?i)\x{1c80}} loops forever. A rule is
 * untrusted input, so such a pattern is refused with a reason instead of hanging the scan.
 */
final class FoldTrap {

    static final int FIRST = 0x1C80;
    static final int LAST = 0x1C88;

    private FoldTrap() {
    }

    /** Why the pattern cannot be compiled case-insensitively, or null when it can. */
    static String find(String regex, boolean ignoreCase) {
        if (!ignoreCase && !mayTurnOnIgnoreCase(regex)) return null;
        boolean inClass = false;
        int previous = -1;
        boolean dash = false;
        for (int i = 0; i < regex.length(); ) {
            int c = regex.codePointAt(i);
            int atom;
            int next = i + Character.charCount(c);
            if (c == '\\' && next < regex.length()) {
                char e = regex.charAt(next);
                if (e == 'x') {
                    int[] parsed = hexEscape(regex, next + 1);
                    atom = parsed[0];
                    next = parsed[1];
                } else {
                    atom = e < 'A' || !Character.isLetterOrDigit(e) ? e : -1;
                    next = next + 1;
                }
            } else if (!inClass && c == '[') {
                inClass = true;
                previous = -1;
                dash = false;
                i = next;
                continue;
            } else if (inClass && c == ']' && previous >= 0 || inClass && c == ']' && dash) {
                inClass = false;
                i = next;
                continue;
            } else if (inClass && c == '-' && previous >= 0 && !dash) {
                dash = true;
                i = next;
                continue;
            } else {
                atom = c;
            }
            if (atom >= FIRST && atom <= LAST) return reason();
            if (inClass && dash && previous >= 0 && atom >= 0 && previous <= LAST && atom >= FIRST) return reason();
            if (inClass) {
                previous = dash ? -1 : atom;
                dash = false;
            }
            i = next;
        }
        return null;
    }

    private static String reason() {
        return String.format("case-insensitive matching of U+%04X..U+%04X (Cyrillic Extended-C), which makes the "
                + "regular-expression library loop forever; match those letters without |i or (?i)", FIRST, LAST);
    }

    /** Whether an inline flag group could turn case-insensitivity on: {@code (?i)}, {@code (?mi:…)}. */
    private static boolean mayTurnOnIgnoreCase(String regex) {
        for (int at = regex.indexOf("(?"); at >= 0; at = regex.indexOf("(?", at + 2)) {
            for (int j = at + 2; j < regex.length(); j++) {
                char f = regex.charAt(j);
                if (f == 'i') return true;
                if (f == ')' || f == ':' || f == '-') break;
            }
        }
        return false;
    }

    /** The value of {@code \xHH} or {@code \x{H…}} starting after the x, and where it ends; -1 when malformed. */
    private static int[] hexEscape(String regex, int from) {
        if (from < regex.length() && regex.charAt(from) == '{') {
            int close = regex.indexOf('}', from);
            if (close < 0 || close - from > 9) return new int[] {-1, from};
            try {
                return new int[] {Integer.parseInt(regex.substring(from + 1, close), 16), close + 1};
            } catch (NumberFormatException e) {
                return new int[] {-1, close + 1};
            }
        }
        if (from + 2 <= regex.length()) {
            try {
                return new int[] {Integer.parseInt(regex.substring(from, from + 2), 16), from + 2};
            } catch (NumberFormatException e) {
                return new int[] {-1, from};
            }
        }
        return new int[] {-1, from};
    }
}
