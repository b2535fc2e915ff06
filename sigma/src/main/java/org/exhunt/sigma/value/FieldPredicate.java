package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * One compiled detection item, {@code field|mod1|mod2: values}, ready to test events.
 *
 * <p>Implementations are immutable and thread-safe. When a field holds a list, a value matches
 * if it matches any element of the list (with {@code all}, each value may match a different
 * element).
 */
public interface FieldPredicate {

    /** Whether the event satisfies this detection item. */
    boolean test(SigmaEvent event);

    /** The event field this predicate reads, or {@code null} for a keyword predicate. */
    String field();

    /**
     * Strings, lower-cased character by character with {@link Character#toLowerCase(char)}, of
     * which at least one occurs in the field's text (in every event value for keywords, in some
     * element for a list) whenever {@link #test} is true, compared the same case-insensitive
     * way; {@code null} when no such set exists (regular expressions, {@code exists},
     * {@code null}, {@code neq}, numeric comparisons, CIDR, field references). The set is
     * sound: a value that contains none of these strings never matches, so callers may use it
     * to skip whole rules.
     */
    Set<String> requiredLiterals();
}
