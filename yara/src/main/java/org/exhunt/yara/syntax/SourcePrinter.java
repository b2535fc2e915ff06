package org.exhunt.yara.syntax;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints syntax trees back as YARA source. With {@code minimal} parentheses it adds only those
 * that precedence and left-associativity need, so that parsing the output rebuilds the same
 * tree; otherwise every operation is parenthesised, which shows the tree's shape plainly.
 */
final class SourcePrinter {

    private final boolean minimal;

    private SourcePrinter(boolean minimal) {
        this.minimal = minimal;
    }

    static String minimal(Expr e) {
        return new SourcePrinter(true).print(e, 0);
    }

    static String fullyParenthesized(Expr e) {
        return new SourcePrinter(false).print(e, 0);
    }

    static String hex(List<HexToken> tokens) {
        return tokens.stream().map(SourcePrinter::hexToken).collect(Collectors.joining(" "));
    }

    private static String hexToken(HexToken t) {
        if (t instanceof HexToken.Byte b) {
            String hi = (b.mask() & 0xF0) == 0 ? "?" : Integer.toHexString(b.value() >> 4).toUpperCase();
            String lo = (b.mask() & 0x0F) == 0 ? "?" : Integer.toHexString(b.value() & 0xF).toUpperCase();
            return (b.negated() ? "~" : "") + hi + lo;
        }
        if (t instanceof HexToken.Jump j) {
            if (j.unbounded()) {
                return j.min() == 0 ? "[-]" : "[" + j.min() + "-]";
            }
            return j.min() == j.max() ? "[" + j.min() + "]" : "[" + j.min() + "-" + j.max() + "]";
        }
        HexToken.Alternation a = (HexToken.Alternation) t;
        return "( " + a.alternatives().stream().map(SourcePrinter::hex).collect(Collectors.joining(" | ")) + " )";
    }

    /** Prints {@code e} for a context that binds with {@code context} precedence. */
    private String print(Expr e, int context) {
        if (e instanceof Expr.Binary b) {
            int p = b.operator().precedence();
            String right = b.operator() == BinaryOperator.MATCHES ? print(b.right(), 0) : print(b.right(), p + 1);
            return wrap(print(b.left(), p) + " " + b.operator().symbol() + " " + right, p, context);
        }
        if (e instanceof Expr.Unary u) {
            int p = u.operator().precedence();
            String space = u.operator() == UnaryOperator.NOT || u.operator() == UnaryOperator.DEFINED ? " " : "";
            return wrap(u.operator().symbol() + space + print(u.operand(), p), p, context);
        }
        String s = atom(e);
        boolean compound = e instanceof Expr.Of || e instanceof Expr.StringAt || e instanceof Expr.StringIn
                || (e instanceof Expr.StringCount c && c.range() != null)
                || (e instanceof Expr.IntLiteral i && i.value() < 0)
                || (e instanceof Expr.FloatLiteral f && f.value() < 0);
        return compound && (!minimal || context > 0) ? "(" + s + ")" : s;
    }

    private String wrap(String s, int precedence, int context) {
        return !minimal || precedence < context ? "(" + s + ")" : s;
    }

    private String atom(Expr e) {
        if (e instanceof Expr.BoolLiteral b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Expr.IntLiteral i) {
            return Long.toString(i.value());
        } else if (e instanceof Expr.FloatLiteral f) {
            return Double.toString(f.value());
        } else if (e instanceof Expr.StringLiteral s) {
            return quote(s.value());
        } else if (e instanceof Expr.RegexLiteral r) {
            return r.regex().toString();
        } else if (e instanceof Expr.Filesize) {
            return "filesize";
        } else if (e instanceof Expr.Entrypoint) {
            return "entrypoint";
        } else if (e instanceof Expr.Identifier id) {
            return id.name();
        } else if (e instanceof Expr.FieldAccess f) {
            return atom(f.target()) + "." + f.field();
        } else if (e instanceof Expr.IndexAccess ix) {
            return atom(ix.target()) + "[" + print(ix.index(), 0) + "]";
        } else if (e instanceof Expr.FunctionCall c) {
            return atom(c.function()) + "(" + c.arguments().stream().map(a -> print(a, 0)).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.IntegerRead r) {
            return r.type().functionName() + "(" + print(r.offset(), 0) + ")";
        } else if (e instanceof Expr.StringMatch m) {
            return m.id();
        } else if (e instanceof Expr.StringAt at) {
            return at.id() + " at " + operand(at.offset());
        } else if (e instanceof Expr.StringIn in) {
            return in.id() + " in " + range(in.range());
        } else if (e instanceof Expr.StringCount c) {
            return "#" + c.id().substring(1) + (c.range() == null ? "" : " in " + range(c.range()));
        } else if (e instanceof Expr.StringOffset o) {
            return "@" + o.id().substring(1) + (o.index() == null ? "" : "[" + print(o.index(), 0) + "]");
        } else if (e instanceof Expr.StringLength l) {
            return "!" + l.id().substring(1) + (l.index() == null ? "" : "[" + print(l.index(), 0) + "]");
        } else if (e instanceof Expr.Of of) {
            String s = quantifier(of.quantifier()) + " of " + set(of.set());
            if (of.at() != null) {
                s += " at " + operand(of.at());
            } else if (of.in() != null) {
                s += " in " + range(of.in());
            }
            return s;
        } else if (e instanceof Expr.ForOf f) {
            return "for " + quantifier(f.quantifier()) + " of " + set(f.set()) + " : (" + print(f.body(), 0) + ")";
        } else if (e instanceof Expr.ForIn f) {
            return "for " + quantifier(f.quantifier()) + " " + String.join(", ", f.variables()) + " in "
                    + iteration(f.iteration()) + " : (" + print(f.body(), 0) + ")";
        }
        throw new IllegalArgumentException("cannot print " + e);
    }

    /** An operand of {@code at}, {@code of}, ranges: an arithmetic expression. */
    private String operand(Expr e) {
        return print(e, BinaryOperator.BIT_OR.precedence());
    }

    private String range(Range r) {
        return "(" + operand(r.from()) + ".." + operand(r.to()) + ")";
    }

    private String quantifier(Quantifier q) {
        return switch (q.kind()) {
            case ALL -> "all";
            case ANY -> "any";
            case NONE -> "none";
            case COUNT -> operand(q.amount());
            // "1 + 50% of" reads as "1 + (50 % of ...)" in YARA: below "%" an amount needs parentheses.
            case PERCENT -> print(q.amount(), BinaryOperator.MOD.precedence()) + "%";
        };
    }

    private static String set(OfSet set) {
        if (set instanceof OfSet.Strings s) {
            return s.them() ? "them" : "(" + String.join(", ", s.patterns()) + ")";
        }
        return "(" + String.join(", ", ((OfSet.Rules) set).patterns()) + ")";
    }

    private String iteration(Iteration it) {
        if (it instanceof Iteration.OverRange r) {
            return range(r.range());
        }
        if (it instanceof Iteration.OverList l) {
            return "(" + l.items().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
        }
        return atom(((Iteration.OverValue) it).value());
    }

    static String quote(String bytes) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : bytes.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
