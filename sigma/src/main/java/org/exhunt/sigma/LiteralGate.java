package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must be seen in an event for a rule (or part of one) to possibly hold: at least one of
 * these literals in the named field (lower-cased field name; {@link #KEYWORDS} for any value).
 * {@code null} stands for "no such requirement"; an empty gate for "can never hold".
 *
 * <p>Combining stays sound: an AND needs only one operand's gate, an OR needs all of them, a
 * NOT has none, and "at least k of n" can take the union of the gated operands once fewer
 * than k operands are ungated (one gated operand must then hold).
 */
final class LiteralGate {

    /** Field key for keyword literals, which may occur in any of the event's values. */
    static final String KEYWORDS = "\u0000keywords";

    private LiteralGate() {
    }

    /**
     * Prefix of a gate key naming a field whose value must equal one of the gate's "literals",
     * whole numbers in decimal, read as {@link org.exhunt.sigma.value.FieldPredicate#integerKey} reads event values.
     */
    static final String INTEGERS = "\u0001=";

    /** The gate of one detection item: its literals, or else its whole numbers. */
    static Map<String, Set<String>> of(String field, Set<String> literals, Set<Long> integers) {
        if (literals == null && field != null && integers != null && !integers.isEmpty()) {
            Set<String> texts = new HashSet<>();
            for (Long n : integers) {
                texts.add(Long.toString(n));
            }
            Map<String, Set<String>> gate = new HashMap<>();
            gate.put(INTEGERS + field.toLowerCase(java.util.Locale.ROOT), texts);
            return gate;
        }
        return of(field, literals);
    }

    static Map<String, Set<String>> of(String field, Set<String> literals) {
        if (literals == null) {
            return null;
        }
        Set<String> usable = new HashSet<>();
        for (String lit : literals) {
            String u = usable(lit);
            if (u == null) {
                return null; // one value without a usable literal makes the whole item ungated
            }
            usable.add(u);
        }
        if (usable.isEmpty()) {
            return null; // "never matches" is not worth trusting; evaluating is always safe
        }
        Map<String, Set<String>> gate = new HashMap<>();
        gate.put(field == null ? KEYWORDS : field.toLowerCase(java.util.Locale.ROOT), usable);
        return gate;
    }

    /**
     * A literal as the automaton takes it; empty literals are unusable because they hold in
     * every event. The automaton folds case per character itself, so the literal is kept as
     * given (String-wide lower-casing could change its length).
     */
    static String usable(String literal) {
        return literal == null || literal.isEmpty() ? null : literal;
    }

    /** The gate of an AND: the best operand's gate, or null when no operand is gated. */
    static Map<String, Set<String>> all(Collection<Map<String, Set<String>>> gates) {
        Map<String, Set<String>> best = null;
        for (Map<String, Set<String>> g : gates) {
            if (g != null && (best == null || score(g) > score(best))) {
                best = g;
            }
        }
        return best;
    }

    /** Most groups kept per node: each costs literal entries in the automata and a mask bit. */
    static final int MAX_GROUPS = 3;

    /**
     * The groups of an AND: every operand's groups, each still a necessary condition of the
     * whole, the best {@link #MAX_GROUPS} of them kept. An event is a candidate only when every
     * group sees one of its literals, so a rule on {@code Image} and {@code CommandLine} is not
     * evaluated for each process that merely has the right image.
     */
    static List<Map<String, Set<String>>> allGroups(Collection<List<Map<String, Set<String>>>> operands) {
        List<Map<String, Set<String>>> all = new ArrayList<>();
        for (List<Map<String, Set<String>>> groups : operands) {
            for (Map<String, Set<String>> g : groups) {
                if (g.isEmpty()) {
                    return List.of(g); // an operand that never holds: neither does the AND
                }
                if (!all.contains(g)) {
                    all.add(g);
                }
            }
        }
        all.sort(Comparator.comparingDouble(LiteralGate::score).reversed());
        int keep = Math.min(1, all.size());
        while (keep < all.size() && keep < MAX_GROUPS && shortest(all.get(keep)) >= MIN_EXTRA_SHORTEST) {
            keep++;
        }
        return all.size() == keep ? all : List.copyOf(all.subList(0, keep));
    }

    /**
     * Shortest literal a group needs to be kept beside a better one. A group of one- or
     * two-character literals ({@code "-c"}, {@code " "}, the last letter of a windash flag) opens
     * for nearly every value: it rarely spares an evaluation, yet each occurrence is a hit to
     * record, and its first characters keep the automaton from passing over the text quickly.
     */
    static final int MIN_EXTRA_SHORTEST = 3;

    /** The groups of a node with a single gate: none when ungated. */
    static List<Map<String, Set<String>>> single(Map<String, Set<String>> gate) {
        return gate == null ? List.of() : List.of(gate);
    }

    /** The gate of "at least k of these". With k = 1 this is an OR. */
    static Map<String, Set<String>> atLeast(int k, Collection<Map<String, Set<String>>> gates) {
        int ungated = 0;
        Map<String, Set<String>> union = new HashMap<>();
        for (Map<String, Set<String>> g : gates) {
            if (g == null) {
                ungated++;
                continue;
            }
            g.forEach((f, lits) -> union.computeIfAbsent(f, x -> new HashSet<>()).addAll(lits));
        }
        return ungated >= k ? null : union;
    }

    /** Prefer gates whose shortest literal is long (rare), then fewer literals. Empty gates are best. */
    static double score(Map<String, Set<String>> g) {
        if (g.isEmpty()) {
            return Double.MAX_VALUE;
        }
        int count = 0;
        for (Set<String> lits : g.values()) {
            count += lits.size();
        }
        return shortest(g) - count / 1000.0;
    }

    /**
     * Length of the gate's shortest literal; an empty gate (never opens) counts as the longest.
     * A whole number must be the field's entire value, not just occur in it: it counts as at
     * least {@link #INTEGER_LENGTH} characters, so {@code EventID: 1} is not taken for a
     * one-character substring.
     */
    static int shortest(Map<String, Set<String>> g) {
        int shortest = Integer.MAX_VALUE;
        for (Map.Entry<String, Set<String>> e : g.entrySet()) {
            int least = e.getKey().startsWith(INTEGERS) ? INTEGER_LENGTH : 0;
            for (String l : e.getValue()) {
                shortest = Math.min(shortest, Math.max(least, l.length()));
            }
        }
        return shortest;
    }

    /** The length a gate's whole number counts as at least; see {@link #shortest}. */
    static final int INTEGER_LENGTH = 10;
}
