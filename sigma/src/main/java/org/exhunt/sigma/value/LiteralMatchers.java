package org.exhunt.sigma.value;

/**
 * Wildcard-free values: the whole text, a prefix, a suffix or a substring, compared character by
 * character through a {@link CharFold} without copying or lower-casing the text.
 */
final class LiteralMatchers {
    private LiteralMatchers() {
    }

    /** A lone {@code *}: any text at all. */
    static final TextMatcher ANYTHING = new TextMatcher() {
        @Override
        public boolean matches(String text) {
            return true;
        }

        @Override
        public String longestLiteral() {
            return "";
        }
    };

    /** Common part: the folded literal and the comparison at one position. */
    abstract static class Base implements TextMatcher {
        final char[] lit;
        final CharFold fold;
        private final String literal;

        Base(String source, CharFold fold) {
            this.fold = fold;
            this.lit = new char[source.length()];
            for (int i = 0; i < lit.length; i++) {
                lit[i] = fold.fold(source.charAt(i));
            }
            this.literal = new GlobSegmentRun(source, fold).longest();
        }

        final boolean regionAt(String text, int pos) {
            char[] l = lit;
            for (int i = 0; i < l.length; i++) {
                if (fold.fold(text.charAt(pos + i)) != l[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public final String longestLiteral() {
            return literal;
        }
    }

    static final class Exact extends Base {
        Exact(String source, CharFold fold) {
            super(source, fold);
        }

        @Override
        public boolean matches(String text) {
            return text.length() == lit.length && regionAt(text, 0);
        }
    }

    static final class Prefix extends Base {
        Prefix(String source, CharFold fold) {
            super(source, fold);
        }

        @Override
        public boolean matches(String text) {
            return text.length() >= lit.length && regionAt(text, 0);
        }
    }

    static final class Suffix extends Base {
        Suffix(String source, CharFold fold) {
            super(source, fold);
        }

        @Override
        public boolean matches(String text) {
            return text.length() >= lit.length && regionAt(text, text.length() - lit.length);
        }
    }

    static final class Contains extends Base {
        // the first character in both ASCII cases, so the scan compares raw characters and
        // folds only non-ASCII ones (some, like the Kelvin sign, lower-case to ASCII letters)
        private final boolean quickScan;
        private final char firstLower;
        private final char firstUpper;
        private final boolean ignoreCase;

        Contains(String source, CharFold fold) {
            super(source, fold);
            this.ignoreCase = fold.fold('A') == 'a';
            char first = lit.length > 0 ? lit[0] : 0;
            this.quickScan = lit.length > 0 && first < 0x80 && !fold.dashes();
            this.firstLower = first;
            this.firstUpper = ignoreCase && first >= 'a' && first <= 'z' ? (char) (first - 32) : first;
        }

        /**
         * The substring sought, for screening many of them in one pass ({@link ContainsScreen}),
         * or null when this matcher folds dashes, which the screen's automaton does not.
         */
        String screenLiteral() {
            return lit.length == 0 || fold.dashes() ? null : new String(lit);
        }

        @Override
        public boolean matches(String text) {
            int last = text.length() - lit.length;
            if (last < 0) {
                return false;
            }
            if (lit.length == 0) {
                return true;
            }
            if (quickScan) {
                char lo = firstLower;
                char up = firstUpper;
                boolean folding = ignoreCase;
                for (int p = 0; p <= last; p++) {
                    char c = text.charAt(p);
                    if ((c == lo || c == up || (folding && c >= 0x80 && fold.fold(c) == lo)) && regionAt(text, p)) {
                        return true;
                    }
                }
                return false;
            }
            char first = lit[0];
            for (int p = 0; p <= last; p++) {
                if (fold.fold(text.charAt(p)) == first && regionAt(text, p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The longest plain run of a wildcard-free literal, breaking at dashes under windash. */
    private record GlobSegmentRun(String source, CharFold fold) {
        String longest() {
            if (!fold.dashes()) {
                return CharFold.lower(source);
            }
            String best = "";
            int start = 0;
            for (int i = 0; i <= source.length(); i++) {
                if (i == source.length() || WindowsDash.isDash(source.charAt(i))) {
                    if (i - start > best.length()) {
                        best = source.substring(start, i);
                    }
                    start = i + 1;
                }
            }
            return CharFold.lower(best);
        }
    }
}
