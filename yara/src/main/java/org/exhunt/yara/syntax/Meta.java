package org.exhunt.yara.syntax;

/**
 * One {@code meta:} entry. The value is a {@link String} (one char per byte), a {@link Long} or a
 * {@link Boolean}.
 */
public record Meta(String key, Object value, Position pos) {

    public Meta {
        if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
            throw new IllegalArgumentException("meta value must be a String, Long or Boolean: " + value);
        }
    }
}
