package org.exhunt.sigma.value;

import java.util.List;
import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * The {@code fieldref} modifier: the field equals another field of the same event (or, with
 * {@code startswith}/{@code endswith}/{@code contains}, begins with, ends with or contains it),
 * case-insensitively unless {@code cased}. If either field is absent or empty, there is nothing
 * to compare and the value does not match.
 */
final class FieldRefMatcher implements ValueMatcher {
    private final String other;
    private final boolean startsWith;
    private final boolean endsWith;
    private final boolean cased;

    FieldRefMatcher(String other, boolean startsWith, boolean endsWith, boolean cased) {
        this.other = other;
        this.startsWith = startsWith;
        this.endsWith = endsWith;
        this.cased = cased;
    }

    @Override
    public boolean matches(Object value, SigmaEvent event, String field) {
        String text = Texts.of(value);
        if (text == null || text.isEmpty()) {
            return false;
        }
        Object ref = event.get(other);
        if (ref instanceof List<?> list) {
            for (Object element : list) {
                if (compare(text, Texts.of(element))) {
                    return true;
                }
            }
            return false;
        }
        return compare(text, Texts.of(ref));
    }

    private boolean compare(String text, String ref) {
        if (ref == null || ref.isEmpty() || ref.length() > text.length()) {
            return false;
        }
        int last = text.length() - ref.length();
        if (startsWith && endsWith) {
            for (int p = 0; p <= last; p++) {
                if (regionAt(text, p, ref)) {
                    return true;
                }
            }
            return false;
        }
        if (startsWith) {
            return regionAt(text, 0, ref);
        }
        if (endsWith) {
            return regionAt(text, last, ref);
        }
        return last == 0 && regionAt(text, 0, ref);
    }

    private boolean regionAt(String text, int pos, String ref) {
        CharFold fold = cased ? CharFold.CASED : CharFold.IGNORE_CASE;
        for (int i = 0; i < ref.length(); i++) {
            if (fold.fold(text.charAt(pos + i)) != fold.fold(ref.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<String> literals() {
        return null;
    }
}
