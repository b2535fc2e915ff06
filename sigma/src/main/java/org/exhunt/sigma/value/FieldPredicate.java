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

    /**
     * Whole numbers one of which the field's value equals (some element of it, for a list),
     * read by {@link #integerKey}, whenever {@link #test} is true; {@code null} when no such set
     * exists. Sound like {@link #requiredLiterals}: an event whose value is none of these never
     * matches, so {@code EventID: 4625} lets callers skip a rule for every other event.
     */
    default Set<Long> requiredIntegers() {
        return null;
    }

    /**
     * An event value as {@link #requiredIntegers} compares it: a number, or text in plain decimal
     * notation, that is whole; {@link Long#MIN_VALUE} for anything else.
     */
    static long integerKey(Object value) {
        return Numbers.integerKey(Numbers.toDouble(value));
    }
}
