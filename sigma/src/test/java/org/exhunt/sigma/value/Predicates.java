package org.exhunt.sigma.value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Short ways to compile detection items in tests: {@code item("f|contains|all", "a", "b")}. */
final class Predicates {
    private Predicates() {
    }

    /** Compiles "field|mod|mod" with the given values (no placeholders, identity mapping). */
    static FieldPredicate item(String fieldAndModifiers, Object... values) {
        return item(fieldAndModifiers, ValueContext.none(), values);
    }

    static FieldPredicate item(String fieldAndModifiers, ValueContext ctx, Object... values) {
        try {
            return compile(fieldAndModifiers, ctx, values);
        } catch (ValueException e) {
            throw new AssertionError("did not compile: " + e.getMessage(), e);
        }
    }

    static FieldPredicate compile(String fieldAndModifiers, ValueContext ctx, Object... values) throws ValueException {
        String[] parts = fieldAndModifiers.split("\\|", -1);
        String field = parts[0].isEmpty() ? null : parts[0];
        List<String> mods = Arrays.asList(parts).subList(1, parts.length);
        return FieldPredicates.compile(field, mods, Arrays.asList(values), ctx);
    }

    static ValueException failure(String fieldAndModifiers, Object... values) {
        try {
            compile(fieldAndModifiers, ValueContext.none(), values);
        } catch (ValueException e) {
            return e;
        }
        throw new AssertionError(fieldAndModifiers + " " + Arrays.toString(values) + " compiled but should not");
    }

    /** Whether the item matches an event whose field {@code f} holds {@code value}. */
    static boolean matchesF(FieldPredicate p, Object value) {
        return p.test(TestEvent.of("f", value));
    }

    static ValueContext placeholders(Map<String, List<String>> values) {
        return new ValueContext() {
            @Override
            public List<String> placeholder(String name) {
                return values.get(name);
            }

            @Override
            public String mapField(String ruleField) {
                return ruleField;
            }
        };
    }
}
