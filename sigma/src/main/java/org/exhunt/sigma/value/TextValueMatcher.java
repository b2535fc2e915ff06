package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * A string value (plain, with wildcards, or produced by contains/startswith/endswith, windash
 * and the encodings) tested against the text of a field. A field that is present but empty is
 * tested as the empty string; an absent field never matches.
 */
final class TextValueMatcher implements ValueMatcher {
    private final TextMatcher matcher;
    private final boolean matchesEmpty;
    private final Set<String> literals;

    TextValueMatcher(TextMatcher matcher) {
        this.matcher = matcher;
        this.matchesEmpty = matcher.matches("");
        String lit = matcher.longestLiteral();
        this.literals = matchesEmpty || lit.isEmpty() ? null : Set.of(lit);
    }

    @Override
    public boolean matches(Object value, SigmaEvent event, String field) {
        if (value == null) {
            return matchesEmpty && field != null && event.has(field);
        }
        return matcher.matches(Texts.of(value));
    }

    /** See {@link LiteralMatchers.Contains#screenLiteral()}; null for any other shape of value. */
    String screenLiteral() {
        return !matchesEmpty && matcher instanceof LiteralMatchers.Contains c ? c.screenLiteral() : null;
    }

    @Override
    public Set<String> literals() {
        return literals;
    }
}
