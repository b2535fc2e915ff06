package org.exhunt.yara;

import java.util.OptionalLong;
import org.exhunt.yara.syntax.BinaryOperator;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.UnaryOperator;

/**
 * Computes integer expressions made only of literals, as libyara does while compiling, so that
 * the same compile-time errors appear: division by zero, overflow, a percentage out of range.
 */
final class ConstantFolder {

    private ConstantFolder() {
    }

    /** The value, or empty when the expression depends on the data scanned (or is not an integer). */
    static OptionalLong fold(Expr e) {
        if (e instanceof Expr.IntLiteral i) {
            return OptionalLong.of(i.value());
        }
        if (e instanceof Expr.Unary u) {
            OptionalLong v = fold(u.operand());
            if (v.isEmpty()) {
                return v;
            }
            if (u.operator() == UnaryOperator.MINUS) {
                return OptionalLong.of(-v.getAsLong());
            }
            return u.operator() == UnaryOperator.BIT_NOT ? OptionalLong.of(~v.getAsLong()) : OptionalLong.empty();
        }
        if (e instanceof Expr.Binary b && (b.operator().isArithmetic() || b.operator().isBitwise())) {
            OptionalLong l = fold(b.left());
            OptionalLong r = fold(b.right());
            if (l.isEmpty() || r.isEmpty()) {
                return OptionalLong.empty();
            }
            return apply(b, l.getAsLong(), r.getAsLong());
        }
        return OptionalLong.empty();
    }

    private static OptionalLong apply(Expr.Binary b, long l, long r) {
        BinaryOperator op = b.operator();
        try {
            return OptionalLong.of(switch (op) {
                case ADD -> Math.addExact(l, r);
                case SUB -> Math.subtractExact(l, r);
                case MUL -> Math.multiplyExact(l, r);
                case DIV -> r == 0 ? 0 : l / r;
                case MOD -> r == 0 ? 0 : l % r;
                case BIT_AND -> l & r;
                case BIT_OR -> l | r;
                case BIT_XOR -> l ^ r;
                // YARA shifts by 64 or more give 0, never wrap around as Java's do.
                case SHL -> r >= 64 || r < 0 ? 0 : l << r;
                case SHR -> r >= 64 || r < 0 ? 0 : l >> r;
                default -> throw new IllegalArgumentException(op.toString());
            });
        } catch (ArithmeticException overflow) {
            throw ConditionChecker.fail(b.pos(), "integer overflow in \"" + l + " " + op.symbol() + " " + r + "\"");
        }
    }
}
