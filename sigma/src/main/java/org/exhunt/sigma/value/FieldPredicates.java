package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one {@code field|modifiers: values} detection item into a {@link FieldPredicate}.
 *
 * <p>Semantics in brief (Sigma 2.1): string values compare case-insensitively ({@code cased}
 * makes them exact) with wildcards {@code *} and {@code ?}; a list of values is OR, or AND under
 * {@code all}; {@code null} means the field is absent or empty; {@code ''} means present and
 * empty; numbers and booleans also match their text; {@code neq} negates the item. Keywords
 * (no field) are search terms over the whole event: a plain keyword may occur anywhere inside
 * any of the event's values. See each modifier family's class for the rest.
 */
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
        List<String> names = modifiers == null ? List.of() : modifiers;
        ModifierChain chain = ModifierChain.parse(names, field == null);
        if (values == null || values.isEmpty()) {
            throw new ValueException("no value given" + where(field, names));
        }
        if (chain.kind == Modifier.EXISTS && values.size() != 1) {
            throw new ValueException("modifier 'exists' takes one value, true or false" + where(field, names));
        }
        if (field == null && values.contains(null)) {
            throw new ValueException("a keyword cannot be null; keywords search the values an event has");
        }
        ValueCompiler compiler = new ValueCompiler(chain, ctx == null ? ValueContext.none() : ctx, field == null);
        List<List<ValueMatcher>> groups = new ArrayList<>(values.size());
        for (Object v : values) {
            try {
                groups.add(compiler.compile(v));
            } catch (ValueException e) {
                throw new ValueException(e.getMessage() + where(field, names), e.getCause());
            }
        }
        return new ValuePredicate(field, groups, chain.all, chain.negated);
    }

    private static String where(String field, List<String> modifiers) {
        String name = field == null ? "(keywords)" : field;
        return " [" + (modifiers.isEmpty() ? name : name + "|" + ModifierChain.chain(modifiers)) + "]";
    }
}
