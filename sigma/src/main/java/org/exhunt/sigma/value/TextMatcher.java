package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled string value: decides whether a text matches it. Wildcard-free shapes (whole
 * value, prefix, suffix, substring) get a direct comparison; anything else a small glob
 * matcher. No regular expressions are involved.
 */
interface TextMatcher {

    boolean matches(String text);

    /** The longest run of plain characters every match must contain, lower-cased; "" if none. */
    String longestLiteral();

    /** Chooses the cheapest matcher for a value. */
    static TextMatcher compile(SigmaString value, CharFold fold) {
        List<GlobSegment> segments = new ArrayList<>();
        boolean anchoredStart = !value.startsWithAny();
        boolean anchoredEnd = !value.endsWithAny();
        StringBuilder seg = new StringBuilder();
        List<Boolean> anyMask = new ArrayList<>();
        boolean hasOne = false;
        for (SigmaString.Part p : value.parts()) {
            if (p instanceof SigmaString.Literal l) {
                for (int i = 0; i < l.text().length(); i++) {
                    seg.append(l.text().charAt(i));
                    anyMask.add(false);
                }
            } else if (p == SigmaString.Wildcard.ONE) {
                seg.append('?');
                anyMask.add(true);
                hasOne = true;
            } else if (p == SigmaString.Wildcard.ANY) {
                if (seg.length() > 0) {
                    segments.add(GlobSegment.of(seg, anyMask, fold));
                    seg.setLength(0);
                    anyMask.clear();
                }
            } else {
                throw new IllegalStateException("unexpanded placeholder in " + value);
            }
        }
        if (seg.length() > 0) {
            segments.add(GlobSegment.of(seg, anyMask, fold));
        }
        if (segments.isEmpty()) {
            return anchoredStart ? new LiteralMatchers.Exact("", fold) : LiteralMatchers.ANYTHING;
        }
        if (!hasOne && segments.size() == 1) {
            String lit = segments.get(0).source();
            if (anchoredStart && anchoredEnd) {
                return new LiteralMatchers.Exact(lit, fold);
            } else if (anchoredStart) {
                return new LiteralMatchers.Prefix(lit, fold);
            } else if (anchoredEnd) {
                return new LiteralMatchers.Suffix(lit, fold);
            }
            return new LiteralMatchers.Contains(lit, fold);
        }
        return new GlobMatcher(segments, anchoredStart, anchoredEnd, fold);
    }

    /** The longest run of literal characters among the segments, breaking at dashes under windash. */
    static String longestLiteral(List<GlobSegment> segments, CharFold fold) {
        String best = "";
        for (GlobSegment s : segments) {
            String run = s.longestRun(fold.dashes());
            if (run.length() > best.length()) {
                best = run;
            }
        }
        return best;
    }
}
