package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/** Matchers for the values that are not strings: {@code null}, booleans and {@code exists}. */
final class SpecialValues {
    private SpecialValues() {
    }

    /** {@code field: null}: the field is absent or empty. */
    static final ValueMatcher NULL = new ValueMatcher() {
        @Override
        public boolean matches(Object value, SigmaEvent event, String field) {
            return value == null || (value instanceof String s && s.isEmpty());
        }

        @Override
        public Set<String> literals() {
            return null;
        }
    };

    /** {@code field|exists: true/false}: the field is (not) carried by the event, empty or not. */
    static ValueMatcher exists(boolean expected) {
        return new ValueMatcher() {
            @Override
            public boolean matches(Object value, SigmaEvent event, String field) {
                return event.has(field) == expected;
            }

            @Override
            public Set<String> literals() {
                return null;
            }
        };
    }

    /** A boolean rule value matches a Boolean or the text true/false in any case. */
    static ValueMatcher bool(boolean expected) {
        String text = Boolean.toString(expected);
        Set<String> literals = Set.of(text);
        return new ValueMatcher() {
            @Override
            public boolean matches(Object value, SigmaEvent event, String field) {
                if (value instanceof Boolean b) {
                    return b == expected;
                }
                return value instanceof String s && s.trim().equalsIgnoreCase(text);
            }

            @Override
            public Set<String> literals() {
                return literals;
            }
        };
    }
}
