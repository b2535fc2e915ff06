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
