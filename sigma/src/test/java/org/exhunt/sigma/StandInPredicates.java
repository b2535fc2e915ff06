package org.exhunt.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exhunt.sigma.value.FieldPredicate;
import org.exhunt.sigma.value.ValueException;

/**
 * A deliberately small stand-in for the value modifiers, so condition and selection structure
 * can be tested on their own: case-insensitive equality, {@code contains}, {@code startswith},
 * {@code endswith}, {@code all}, {@code exists}, and {@code null}. Wildcards are not interpreted.
 */
final class StandInPredicates {

    static final ItemCompiler COMPILER = (field, modifiers, values, ctx) -> compile(field, modifiers, values);

    private StandInPredicates() {
    }

    private static FieldPredicate compile(String field, List<String> modifiers, List<Object> values) throws ValueException {
        String op = "equals";
        boolean all = false;
        for (String m : modifiers) {
            switch (m) {
                case "contains", "startswith", "endswith", "exists" -> op = m;
                case "all" -> all = true;
                default -> throw new ValueException("unknown modifier '" + m + "'");
            }
        }
        String kind = op;
        boolean every = all;
        List<String> wanted = values.stream().map(v -> v == null ? null : v.toString().toLowerCase(Locale.ROOT)).toList();
        return new FieldPredicate() {
            @Override
            public boolean test(SigmaEvent event) {
                if (kind.equals("exists")) {
                    return event.has(field) == Boolean.parseBoolean(wanted.get(0));
                }
                for (String w : wanted) {
                    boolean hit = holds(event, w);
                    if (every && !hit) {
                        return false;
                    }
                    if (!every && hit) {
                        return true;
                    }
                }
                return every;
            }

            private boolean holds(SigmaEvent event, String w) {
                if (field == null) {
                    for (String v : event.values()) {
                        if (v.toLowerCase(Locale.ROOT).contains(w)) {
                            return true;
                        }
                    }
                    return false;
                }
                Object v = event.get(field);
                if (w == null) {
                    return v == null;
                }
                if (v == null) {
                    return false;
                }
                String s = v.toString().toLowerCase(Locale.ROOT);
                return switch (kind) {
                    case "contains" -> s.contains(w);
                    case "startswith" -> s.startsWith(w);
                    case "endswith" -> s.endsWith(w);
                    default -> s.equals(w);
                };
            }

            @Override
            public String field() {
                return field;
            }

            @Override
            public Set<String> requiredLiterals() {
                if (kind.equals("exists") || wanted.contains(null) || wanted.contains("")) {
                    return null;
                }
                return every ? Set.of(wanted.get(0)) : new HashSet<>(wanted);
            }
        };
    }
}
