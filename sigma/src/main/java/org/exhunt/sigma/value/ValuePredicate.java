package org.exhunt.sigma.value;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * A compiled detection item: groups of alternatives, one group per rule value (a value may
 * expand into several alternatives, e.g. under base64offset or expand). Groups are OR-linked,
 * or AND-linked under {@code all}; {@code neq} negates the whole item.
 *
 * <p>A list-valued field matches a value when any element does; under {@code all} each value
 * may be satisfied by a different element. Keywords ({@code field == null}) test every value of
 * the event the same way.
 */
final class ValuePredicate implements FieldPredicate {
    private final String field;
    /** {@link SigmaEvent#nameHash} of the field, worked out once rather than by every event asked. */
    private final int fieldHash;
    private final ValueMatcher[][] groups;
    private final ValueMatcher[] anyOf; // all groups flattened, used when not 'all'
    private final boolean all;
    private final boolean negated;
    private final Set<String> literals;
    private final Set<Long> integers;
    /**
     * One-pass screen of the item's substring values ({@link ContainsScreen#NONE} when it has
     * too few), built on the first test: most items of a large rule set are never tested, their
     * rule's literal gate never opening, and building thousands of automata up front cost more
     * than the screens saved. Racing threads may each build one; they are equal and immutable.
     */
    private volatile ContainsScreen screen;

    ValuePredicate(String field, List<List<ValueMatcher>> groups, boolean all, boolean negated) {
        // Interned, as the scan interns the names events are built with: a field lookup then
        // finds its name by identity instead of comparing it letter by letter, ignoring case.
        this.field = field == null ? null : field.intern();
        this.fieldHash = field == null ? 0 : SigmaEvent.nameHash(field);
        this.groups = new ValueMatcher[groups.size()][];
        int total = 0;
        for (int i = 0; i < groups.size(); i++) {
            this.groups[i] = groups.get(i).toArray(new ValueMatcher[0]);
            total += this.groups[i].length;
        }
        this.anyOf = new ValueMatcher[total];
        int k = 0;
        for (ValueMatcher[] g : this.groups) {
            for (ValueMatcher m : g) {
                anyOf[k++] = m;
            }
        }
        this.all = all;
        this.negated = negated;
        this.literals = negated ? null : computeLiterals();
        this.integers = negated || all || field == null ? null : computeIntegers();
        this.screen = field == null ? ContainsScreen.NONE : null;
    }

    @Override
    public boolean test(SigmaEvent event) {
        boolean result;
        if (field == null) {
            result = all ? allKeywords(event) : anyKeyword(event, anyOf);
        } else {
            Object value = event.get(field, fieldHash);
            ContainsScreen sc = value == null || value instanceof List<?> ? ContainsScreen.NONE : screen();
            if (sc != ContainsScreen.NONE) {
                result = screened(sc, value, event);
            } else if (all) {
                result = true;
                for (ValueMatcher[] g : groups) {
                    if (!matchesAny(g, value, event)) {
                        result = false;
                        break;
                    }
                }
            } else {
                result = matchesAny(anyOf, value, event);
            }
        }
        return result != negated;
    }

    /**
     * The same answer as the plain evaluation for a scalar value, with the substring values the
     * screen rules out skipped; which matchers remain are kept by their index in {@link #anyOf},
     * the groups' matchers in order.
     */
    private boolean screened(ContainsScreen sc, Object value, SigmaEvent event) {
        boolean[] possible = sc.candidates(Texts.of(value));
        if (!all) {
            for (int i = 0; i < anyOf.length; i++) {
                if (possible[i] && anyOf[i].matches(value, event, field)) {
                    return true;
                }
            }
            return false;
        }
        int at = 0;
        for (ValueMatcher[] g : groups) {
            boolean any = false;
            for (ValueMatcher m : g) {
                if (!any && possible[at] && m.matches(value, event, field)) {
                    any = true;
                }
                at++;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private ContainsScreen screen() {
        ContainsScreen sc = screen;
        if (sc == null) {
            sc = ContainsScreen.of(anyOf);
            screen = sc;
        }
        return sc;
    }

    private boolean matchesAny(ValueMatcher[] ms, Object value, SigmaEvent event) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                for (ValueMatcher m : ms) {
                    if (m.matches(element, event, field)) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (ValueMatcher m : ms) {
            if (m.matches(value, event, field)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyKeyword(SigmaEvent event, ValueMatcher[] ms) {
        for (String text : event.values()) {
            if (text == null) {
                continue;
            }
            for (ValueMatcher m : ms) {
                if (m.matches(text, event, null)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allKeywords(SigmaEvent event) {
        for (ValueMatcher[] g : groups) {
            if (!anyKeyword(event, g)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Set<String> requiredLiterals() {
        return literals;
    }

    @Override
    public Set<Long> requiredIntegers() {
        return integers;
    }

    /** OR of values, each an equality with one whole number: the numbers. */
    private Set<Long> computeIntegers() {
        if (anyOf.length == 0) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (ValueMatcher m : anyOf) {
            Long n = m.requiredInteger();
            if (n == null) {
                return null;
            }
            out.add(n);
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * OR of values: every alternative must bring literals, and their union is required. AND
     * (all): any one group's set is required; the one whose shortest literal is longest is
     * likely the rarest in real data, so it is the most useful to search for.
     */
    private Set<String> computeLiterals() {
        if (!all) {
            return union(anyOf);
        }
        Set<String> best = null;
        int bestShortest = -1;
        for (ValueMatcher[] g : groups) {
            Set<String> s = union(g);
            if (s == null) {
                continue;
            }
            int shortest = Integer.MAX_VALUE;
            for (String lit : s) {
                shortest = Math.min(shortest, lit.length());
            }
            if (shortest > bestShortest || (shortest == bestShortest && s.size() < best.size())) {
                best = s;
                bestShortest = shortest;
            }
        }
        return best;
    }

    private static Set<String> union(ValueMatcher[] ms) {
        if (ms.length == 0) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (ValueMatcher m : ms) {
            Set<String> s = m.literals();
            if (s == null || s.isEmpty()) {
                return null;
            }
            out.addAll(s);
        }
        return Collections.unmodifiableSet(out);
    }
}
