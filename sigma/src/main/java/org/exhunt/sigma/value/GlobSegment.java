package org.exhunt.sigma.value;

import java.util.List;

/**
 * A piece of a wildcard value between two {@code *}: folded characters, some of which may be
 * {@code ?} (any one character).
 */
final class GlobSegment {
    private final String source;
    private final char[] chars;
    private final boolean[] any; // null when the segment has no '?'

    private GlobSegment(String source, char[] chars, boolean[] any) {
        this.source = source;
        this.chars = chars;
        this.any = any;
    }

    static GlobSegment of(CharSequence text, List<Boolean> anyMask, CharFold fold) {
        char[] chars = new char[text.length()];
        boolean[] any = null;
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold.fold(text.charAt(i));
            if (anyMask.get(i)) {
                if (any == null) {
                    any = new boolean[chars.length];
                }
                any[i] = true;
            }
        }
        return new GlobSegment(text.toString(), chars, any);
    }

    /** The segment as given (plain characters, '?' where a wildcard stands). */
    String source() {
        return source;
    }

    int length() {
        return chars.length;
    }

    /** Whether the segment matches {@code text} at {@code pos} (caller checks bounds). */
    boolean matchesAt(String text, int pos, CharFold fold) {
        for (int i = 0; i < chars.length; i++) {
            if (any != null && any[i]) {
                continue;
            }
            if (fold.fold(text.charAt(pos + i)) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** The leftmost position in [from, to - length] where the segment matches, or -1. */
    int indexIn(String text, int from, int to, CharFold fold) {
        int last = to - chars.length;
        for (int p = from; p <= last; p++) {
            if (matchesAt(text, p, fold)) {
                return p;
            }
        }
        return -1;
    }

    /** The longest run of plain characters, lower-cased; dash-like characters break runs when asked. */
    String longestRun(boolean breakAtDashes) {
        int bestStart = 0;
        int bestLen = 0;
        int start = 0;
        for (int i = 0; i <= chars.length; i++) {
            boolean breaks = i == chars.length || (any != null && any[i])
                    || (breakAtDashes && WindowsDash.isDash(source.charAt(i)));
            if (breaks) {
                if (i - start > bestLen) {
                    bestLen = i - start;
                    bestStart = start;
                }
                start = i + 1;
            }
        }
        return CharFold.lower(source.substring(bestStart, bestStart + bestLen));
    }
}
