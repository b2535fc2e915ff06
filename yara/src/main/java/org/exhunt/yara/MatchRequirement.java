package org.exhunt.yara;

import org.exhunt.yara.syntax.BinaryOperator;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.OfSet;
import org.exhunt.yara.syntax.Quantifier;

/**
 * Decides, from a condition's shape alone, whether it can only be true when at least one of the
 * rule's strings matched. Most rules are {@code ... and N of them}: when none of their strings
 * occur in a file, their condition need not be evaluated at all. The answer errs on the safe
 * side: "no" whenever unsure, which only costs an evaluation.
 */
final class MatchRequirement {

    private MatchRequirement() {
    }

    static boolean needsAStringMatch(Expr e) {
        if (e instanceof Expr.StringMatch m) {
            return !m.id().equals("$");
        }
        if (e instanceof Expr.StringAt at) {
            return !at.id().equals("$");
        }
        if (e instanceof Expr.StringIn in) {
            return !in.id().equals("$");
        }
        if (e instanceof Expr.Of of) {
            return of.set() instanceof OfSet.Strings && needsOne(of.quantifier());
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.operator()) {
                case AND -> needsAStringMatch(b.left()) || needsAStringMatch(b.right());
                case OR -> needsAStringMatch(b.left()) && needsAStringMatch(b.right());
                case GT, GE, EQ -> countAtLeastOne(b);
                default -> false;
            };
        }
        return false;
    }

    /**
     * {@code any}, {@code all}, or a constant count or percentage of one or more. A computed
     * percentage may come out 0 or negative, which holds with no match at all.
     */
    private static boolean needsOne(Quantifier q) {
        return switch (q.kind()) {
            case ANY, ALL -> true;
            case NONE -> false;
            case COUNT, PERCENT -> q.amount() instanceof Expr.IntLiteral n && n.value() >= 1;
        };
    }

    /** {@code #a > n} (n ≥ 0), {@code #a >= n} or {@code #a == n} (n ≥ 1), counting the whole buffer. */
    private static boolean countAtLeastOne(Expr.Binary b) {
        if (!(b.left() instanceof Expr.StringCount c) || c.id().equals("$") || c.range() != null
                || !(b.right() instanceof Expr.IntLiteral n)) {
            return false;
        }
        return b.operator() == BinaryOperator.GT ? n.value() >= 0 : n.value() >= 1;
    }
}
