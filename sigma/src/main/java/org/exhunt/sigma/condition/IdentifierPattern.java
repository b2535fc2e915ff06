package org.exhunt.sigma.condition;

/** Matches search identifiers against {@code x of} patterns, where {@code *} stands for any run of characters. */
public final class IdentifierPattern {

    private IdentifierPattern() {
    }

    public static boolean matches(String pattern, String identifier) {
        return matches(pattern, 0, identifier, 0);
    }

    // Iterative glob match with single backtrack point: linear enough for identifier-sized input.
    private static boolean matches(String p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (pi < p.length() && p.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
