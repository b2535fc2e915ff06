package org.exhunt.sigma.value;

import java.util.List;

/** Compiles one {@code field|modifiers: values} detection item into a {@link FieldPredicate}. */
public final class FieldPredicates {
    private FieldPredicates() {
    }

    /**
     * Compiles a detection item.
     *
     * @param field     the event field, already mapped; {@code null} for keywords, which match
     *                  any of the event's values
     * @param modifiers the modifiers in the order the rule gives them, e.g. {@code [contains, all]}
     * @param values    the values as YAML gave them: String, Integer, Long, Double, Boolean or null
     * @param ctx       placeholder values and field mapping
     * @throws ValueException when a modifier is unknown, a combination is invalid or a value
     *                        does not suit its modifiers
     */
    public static FieldPredicate compile(String field, List<String> modifiers, List<Object> values,
            ValueContext ctx) throws ValueException {
        throw new ValueException("value modifiers are not available yet");
    }
}
