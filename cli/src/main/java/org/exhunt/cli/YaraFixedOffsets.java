package org.exhunt.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.OfSet;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;

/**
 * Finds the strings libyara records only at one offset. A string whose every use in the condition
 * is {@code $a at N} with the same constant N is searched for at N alone, so {@code yara -s} lists
 * just that match; any other use ({@code $a}, {@code #a}, {@code @a}, {@code $a in}, a string set)
 * makes it record every match. The scanner keeps every match (the condition's answer is the same),
 * so the printer uses this to list what yara lists.
 */
final class YaraFixedOffsets {

    private YaraFixedOffsets() {
    }

    /** For one rule: string identifier → the only offset yara records for it. */
    static Map<String, Long> of(Rule rule) {
        Map<String, Long> fixed = new HashMap<>();
        Set<String> anywhere = new HashSet<>();
        visit(rule.condition(), rule, fixed, anywhere);
        anywhere.forEach(fixed::remove);
        return fixed;
    }

    private static void visit(Object node, Rule rule, Map<String, Long> fixed, Set<String> anywhere) {
        if (node instanceof Expr.StringAt at && !at.id().equals("$")) {
            if (at.offset() instanceof Expr.IntLiteral n) {
                Long before = fixed.putIfAbsent(at.id(), n.value());
                if (before != null && before != n.value()) {
                    anywhere.add(at.id());
                }
            } else {
                anywhere.add(at.id());
            }
        } else if (node instanceof Expr.StringMatch m) {
            anywhere.add(m.id());
        } else if (node instanceof Expr.StringIn m) {
            anywhere.add(m.id());
        } else if (node instanceof Expr.StringCount m) {
            anywhere.add(m.id());
        } else if (node instanceof Expr.StringOffset m) {
            anywhere.add(m.id());
        } else if (node instanceof Expr.StringLength m) {
            anywhere.add(m.id());
        } else if (node instanceof OfSet.Strings set) {
            for (StringDef s : rule.strings()) {
                if (set.them() || set.patterns().stream().anyMatch(p -> matches(p, s.id()))) {
                    anywhere.add(s.id());
                }
            }
        }
        if (node instanceof List<?> list) {
            list.forEach(item -> visit(item, rule, fixed, anywhere));
        } else if (node instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                visit(component(r, c), rule, fixed, anywhere);
            }
        }
    }

    private static boolean matches(String pattern, String id) {
        return pattern.endsWith("*") ? id.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(id);
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
