package org.exhunt.sigma.condition;

import java.util.List;

/**
 * A parsed Sigma condition: a boolean expression over search identifiers. Quantifiers
 * ({@code 1 of sel*}) stay unresolved here because what they cover depends on the identifiers
 * the rule defines; the compiler resolves them.
 */
public sealed interface Condition {

    /** Every operand must hold. */
    record And(List<Condition> operands) implements Condition {
        public And { operands = List.copyOf(operands); }
    }

    /** At least one operand must hold. */
    record Or(List<Condition> operands) implements Condition {
        public Or { operands = List.copyOf(operands); }
    }

    record Not(Condition operand) implements Condition { }

    /** A reference to one search identifier by its exact name. */
    record Identifier(String name) implements Condition { }

    /**
     * {@code N of pattern}, {@code all of pattern}, {@code N of them}.
     *
     * @param count   how many of the covered identifiers must hold; {@link #ALL} for all of them
     * @param pattern an identifier pattern with {@code *} wildcards, or {@code null} for "them"
     */
    record Quantified(int count, String pattern) implements Condition {
        public static final int ALL = -1;

        public boolean all() { return count == ALL; }

        public boolean them() { return pattern == null; }
    }
}
