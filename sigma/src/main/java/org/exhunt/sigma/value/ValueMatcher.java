package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/** One compiled rule value, tested against one scalar field value (never a list). */
interface ValueMatcher {

    /**
     * @param value the scalar value: a String, Number or Boolean, or {@code null} when the field
     *              is absent or empty
     * @param event the whole event, for matchers that look at presence or at another field
     * @param field the field being tested, {@code null} for keywords
     */
    boolean matches(Object value, SigmaEvent event, String field);

    /** Lower-cased strings one of which every matching value contains, or {@code null}. */
    Set<String> literals();

    /**
     * The whole number every matching value equals, read as {@link FieldPredicate#integerKey}
     * reads it, or {@code null} when matching values need not be one number.
     */
    default Long requiredInteger() {
        return null;
    }
}
