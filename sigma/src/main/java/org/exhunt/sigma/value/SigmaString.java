package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A rule string value after escape processing: literal text, the wildcards {@code *} and
 * {@code ?}, and (under {@code expand}) placeholders. Immutable.
 *
 * <p>Escaping follows the specification: a backslash escapes {@code *}, {@code ?} and a
 * backslash; a backslash before anything else is itself a plain backslash. So {@code \*} is a
 * plain star, {@code \\*} a backslash and a wildcard, {@code \\\*} a backslash and a plain star,
 * and both {@code \\\\} and {@code \\\} followed by a plain character give two backslashes.
 */
final class SigmaString {

    /** One piece of a value. */
    sealed interface Part permits Literal, Wildcard, Placeholder {
    }

    record Literal(String text) implements Part {
    }

    enum Wildcard implements Part {
        /** {@code *}: any run of characters, possibly empty. */
        ANY,
        /** {@code ?}: exactly one character. */
        ONE
    }

    record Placeholder(String name) implements Part {
    }

    private final List<Part> parts;

    private SigmaString(List<Part> parts) {
        this.parts = Collections.unmodifiableList(parts);
    }

    /** A value with no wildcards at all. */
    static SigmaString literal(String text) {
        List<Part> p = new ArrayList<>();
        if (!text.isEmpty()) {
            p.add(new Literal(text));
        }
        return new SigmaString(p);
    }

    /**
     * Parses a value as written in a rule.
     *
     * @param placeholders whether {@code %name%} is a placeholder and {@code \%} a plain percent
     *                     sign (only under the {@code expand} modifier)
     */
    static SigmaString parse(String raw, boolean placeholders) {
        Builder b = new Builder();
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char next = i + 1 < n ? raw.charAt(i + 1) : 0;
                if (next == '*' || next == '?' || next == '\\' || (placeholders && next == '%')) {
                    b.text(next);
                    i++;
                } else {
                    b.text('\\');
                }
            } else if (c == '*') {
                b.part(Wildcard.ANY);
            } else if (c == '?') {
                b.part(Wildcard.ONE);
            } else if (c == '%' && placeholders) {
                int end = placeholderEnd(raw, i + 1);
                if (end < 0) {
                    b.text('%');
                } else {
                    b.part(new Placeholder(raw.substring(i + 1, end)));
                    i = end;
                }
            } else {
                b.text(c);
            }
        }
        return b.build();
    }

    /** Index of the {@code %} closing a placeholder name that starts at {@code from}, or -1. */
    private static int placeholderEnd(String raw, int from) {
        int i = from;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                return i > from ? i : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    List<Part> parts() {
        return parts;
    }

    boolean hasWildcards() {
        for (Part p : parts) {
            if (p instanceof Wildcard) {
                return true;
            }
        }
        return false;
    }

    boolean hasPlaceholders() {
        for (Part p : parts) {
            if (p instanceof Placeholder) {
                return true;
            }
        }
        return false;
    }

    /** The text of a value that holds only literal parts. */
    String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (!(p instanceof Literal l)) {
                throw new IllegalStateException("value has wildcards or placeholders: " + this);
            }
            sb.append(l.text());
        }
        return sb.toString();
    }

    boolean startsWithAny() {
        return !parts.isEmpty() && parts.get(0) == Wildcard.ANY;
    }

    boolean endsWithAny() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY;
    }

    SigmaString withLeadingAny() {
        if (startsWithAny()) {
            return this;
        }
        Builder b = new Builder();
        b.part(Wildcard.ANY);
        b.all(this);
        return b.build();
    }

    SigmaString withTrailingAny() {
        if (endsWithAny()) {
            return this;
        }
        Builder b = new Builder();
        b.all(this);
        b.part(Wildcard.ANY);
        return b.build();
    }

    /** The same value with every literal run rewritten, wildcards kept in place. */
    SigmaString mapLiterals(UnaryOperator<String> f) {
        Builder b = new Builder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                b.text(f.apply(l.text()));
            } else {
                b.part(p);
            }
        }
        return b.build();
    }

    static SigmaString concat(List<SigmaString> pieces) {
        Builder b = new Builder();
        for (SigmaString s : pieces) {
            b.all(s);
        }
        return b.build();
    }

    /** Writes the value back in rule syntax, for messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                for (int i = 0; i < l.text().length(); i++) {
                    char c = l.text().charAt(i);
                    if (c == '*' || c == '?') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else if (p == Wildcard.ANY) {
                sb.append('*');
            } else if (p == Wildcard.ONE) {
                sb.append('?');
            } else {
                sb.append('%').append(((Placeholder) p).name()).append('%');
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString s && s.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** Collects parts, merging adjacent literals so that each literal run is one part. */
    private static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        void text(char c) {
            text.append(c);
        }

        void text(String s) {
            text.append(s);
        }

        void part(Part p) {
            if (p instanceof Literal l) {
                text(l.text());
                return;
            }
            flush();
            parts.add(p);
        }

        void all(SigmaString s) {
            for (Part p : s.parts) {
                part(p);
            }
        }

        private void flush() {
            if (text.length() > 0) {
                parts.add(new Literal(text.toString()));
                text.setLength(0);
            }
        }

        SigmaString build() {
            flush();
            return new SigmaString(new ArrayList<>(parts));
        }
    }
}
