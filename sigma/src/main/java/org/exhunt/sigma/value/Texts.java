package org.exhunt.sigma.value;

/** The text form of a scalar event value, as string matchers and regular expressions see it. */
final class Texts {
    private Texts() {
    }

    /** {@code String.valueOf} of the value; {@code null} stays {@code null}. */
    static String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value == null ? null : String.valueOf(value);
    }
}
