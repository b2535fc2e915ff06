package org.exhunt.sigma;

import java.time.Instant;

/**
 * One event as the rule engine sees it: a flat set of named fields.
 *
 * <p>Implementations may decode values lazily; the engine asks only for the fields its rules
 * name. Field names are looked up case-insensitively. A value is a {@link String}, a
 * {@link Long}, a {@link Double}, a {@link Boolean}, a {@link java.util.List} of those, or
 * {@code null} when the field is present but empty.
 */
public interface SigmaEvent {

    /** The value of a field, or {@code null} when it is absent or empty (see {@link #has}). */
    Object get(String field);

    /**
     * As {@link #get(String)}, with {@code nameHash} being {@link #nameHash(String) nameHash(field)},
     * worked out once by the caller: rules ask for the same few hundred names on every event, and
     * an event that indexes its fields by that hash need not hash the name again.
     */
    default Object get(String field, int nameHash) {
        return get(field);
    }

    /**
     * A hash of a field name that names equal under {@link String#equalsIgnoreCase} share: each
     * character folded to the lower case of its upper case, the test equalsIgnoreCase applies.
     */
    static int nameHash(String field) {
        int h = 0;
        for (int i = 0, n = field.length(); i < n; i++) {
            char c = field.charAt(i);
            char f;
            if (c < 0x80) {
                f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                f = Character.toLowerCase(Character.toUpperCase(c));
            }
            h = 31 * h + f;
        }
        return h ^ (h >>> 16);
    }

    /** Whether the event carries the field at all, even with an empty value. */
    boolean has(String field);

    /** Every field value as text, for keyword detections (selections without a field name). */
    Iterable<String> values();

    /** When the event happened, in UTC, or {@code null} if the source gives no time. */
    Instant timestamp();

    /**
     * Optional fast path: shows a field's value in place, without building a {@link String}.
     * Returning {@code true} promises that {@code out.decode()} equals {@code get(field)} as
     * text, an empty slice standing for {@code null}; the slice is valid until the event
     * changes. Events that cannot promise that for a field (derived or unescaped values, or no
     * byte buffer at all) return {@code false}, and callers use {@link #get} instead.
     */
    default boolean slice(String field, ByteSlice out) {
        return false;
    }
}
