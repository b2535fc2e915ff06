package org.exhunt.sigma.value;

import java.util.List;

/**
 * A value with wildcards, as segments separated by {@code *}. Matching anchors the first and
 * last segment where the value has no leading or trailing {@code *}, then places each middle
 * segment at its leftmost fit: because a {@code *} can absorb any gap, the leftmost fit never
 * loses a match, so matching is O(text × pattern) at worst and needs no backtracking.
 */
final class GlobMatcher implements TextMatcher {
    private final GlobSegment[] segments;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    private final CharFold fold;
    private final String literal;
    private final int minLength;

    GlobMatcher(List<GlobSegment> segments, boolean anchoredStart, boolean anchoredEnd, CharFold fold) {
        this.segments = segments.toArray(new GlobSegment[0]);
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
        this.fold = fold;
        this.literal = TextMatcher.longestLiteral(segments, fold);
        int min = 0;
        for (GlobSegment s : segments) {
            min += s.length();
        }
        this.minLength = min;
    }

    @Override
    public boolean matches(String text) {
        int len = text.length();
        if (len < minLength) {
            return false;
        }
        GlobSegment[] segs = segments;
        int first = 0;
        int lastExclusive = segs.length;
        int start = 0;
        int end = len;
        if (anchoredStart && anchoredEnd && segs.length == 1) {
            return len == segs[0].length() && segs[0].matchesAt(text, 0, fold);
        }
        if (anchoredStart) {
            if (!segs[0].matchesAt(text, 0, fold)) {
                return false;
            }
            start = segs[0].length();
            first = 1;
        }
        if (anchoredEnd) {
            GlobSegment lastSeg = segs[segs.length - 1];
            int at = len - lastSeg.length();
            if (at < start || !lastSeg.matchesAt(text, at, fold)) {
                return false;
            }
            end = at;
            lastExclusive = segs.length - 1;
        }
        for (int i = first; i < lastExclusive; i++) {
            int at = segs[i].indexIn(text, start, end, fold);
            if (at < 0) {
                return false;
            }
            start = at + segs[i].length();
        }
        return true;
    }

    @Override
    public String longestLiteral() {
        return literal;
    }
}
