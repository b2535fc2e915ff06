package org.exhunt.yara;

import java.util.function.Consumer;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.Iteration;
import org.exhunt.yara.syntax.Quantifier;
import org.exhunt.yara.syntax.Range;

/** Visits every expression of a condition tree, parents before children. */
final class ExprWalk {

    private ExprWalk() {
    }

    static void each(Expr e, Consumer<Expr> visit) {
        if (e == null) {
            return;
        }
        visit.accept(e);
        if (e instanceof Expr.FieldAccess f) {
            each(f.target(), visit);
        } else if (e instanceof Expr.IndexAccess ix) {
            each(ix.target(), visit);
            each(ix.index(), visit);
        } else if (e instanceof Expr.FunctionCall c) {
            each(c.function(), visit);
            c.arguments().forEach(a -> each(a, visit));
        } else if (e instanceof Expr.IntegerRead r) {
            each(r.offset(), visit);
        } else if (e instanceof Expr.Unary u) {
            each(u.operand(), visit);
        } else if (e instanceof Expr.Binary b) {
            each(b.left(), visit);
            each(b.right(), visit);
        } else if (e instanceof Expr.StringAt at) {
            each(at.offset(), visit);
        } else if (e instanceof Expr.StringIn in) {
            range(in.range(), visit);
        } else if (e instanceof Expr.StringCount c) {
            range(c.range(), visit);
        } else if (e instanceof Expr.StringOffset o) {
            each(o.index(), visit);
        } else if (e instanceof Expr.StringLength l) {
            each(l.index(), visit);
        } else if (e instanceof Expr.Of of) {
            quantifier(of.quantifier(), visit);
            each(of.at(), visit);
            range(of.in(), visit);
        } else if (e instanceof Expr.ForOf f) {
            quantifier(f.quantifier(), visit);
            each(f.body(), visit);
        } else if (e instanceof Expr.ForIn f) {
            quantifier(f.quantifier(), visit);
            Iteration it = f.iteration();
            if (it instanceof Iteration.OverRange r) {
                range(r.range(), visit);
            } else if (it instanceof Iteration.OverList l) {
                l.items().forEach(i -> each(i, visit));
            } else {
                each(((Iteration.OverValue) it).value(), visit);
            }
            each(f.body(), visit);
        }
    }

    private static void range(Range r, Consumer<Expr> visit) {
        if (r != null) {
            each(r.from(), visit);
            each(r.to(), visit);
        }
    }

    private static void quantifier(Quantifier q, Consumer<Expr> visit) {
        each(q.amount(), visit);
    }
}
