package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code windash} modifier: the specification makes {@code -}, {@code /}, en dash, em dash
 * and horizontal bar interchangeable, as Windows accepts several of them before a command-line
 * flag. Matching treats them as one character class (see {@link CharFold}) instead of building
 * every permutation; only when an encoding follows ({@code windash|base64offset}) must the
 * permutations be spelled out, because the encoded forms differ.
 */
final class WindowsDash {
    /** Hyphen-minus, slash, en dash, em dash, horizontal bar. */
    static final char[] DASHES = {'-', '/', '\u2013', '\u2014', '\u2015'};

    /** More permutations than this (5^4) are refused rather than silently truncated. */
    private static final int MAX_PERMUTATIONS = 625;

    private WindowsDash() {
    }

    static boolean isDash(char c) {
        return c == '-' || c == '/' || c == '\u2013' || c == '\u2014' || c == '\u2015';
    }

    /** Every spelling of the value with each dash-like character replaced by each of the five. */
    static List<SigmaString> permutations(SigmaString value) throws ValueException {
        List<SigmaString> done = new ArrayList<>();
        done.add(SigmaString.literal(""));
        for (SigmaString.Part p : value.parts()) {
            List<SigmaString> next = new ArrayList<>();
            if (p instanceof SigmaString.Literal l) {
                List<String> spellings = spellings(l.text(), value);
                for (SigmaString head : done) {
                    for (String s : spellings) {
                        next.add(SigmaString.concat(List.of(head, SigmaString.literal(s))));
                    }
                }
            } else {
                SigmaString tail = SigmaString.parse(p == SigmaString.Wildcard.ANY ? "*" : "?", false);
                for (SigmaString head : done) {
                    next.add(SigmaString.concat(List.of(head, tail)));
                }
            }
            done = next;
            if (done.size() > MAX_PERMUTATIONS) {
                throw new ValueException("'windash' before an encoding would need more than "
                        + MAX_PERMUTATIONS + " spellings of '" + value + "'; use fewer dashes in one value");
            }
        }
        return done;
    }

    private static List<String> spellings(String text, SigmaString whole) throws ValueException {
        List<String> out = new ArrayList<>();
        out.add("");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            List<String> next = new ArrayList<>();
            for (String head : out) {
                if (isDash(c)) {
                    for (char d : DASHES) {
                        next.add(head + d);
                    }
                } else {
                    next.add(head + c);
                }
            }
            out = next;
            if (out.size() > MAX_PERMUTATIONS) {
                throw new ValueException("'windash' before an encoding would need more than "
                        + MAX_PERMUTATIONS + " spellings of '" + whole + "'; use fewer dashes in one value");
            }
        }
        return out;
    }
}
