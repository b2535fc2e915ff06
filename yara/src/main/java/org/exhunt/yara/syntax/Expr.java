package org.exhunt.yara.syntax;

import java.util.List;

/**
 * A condition expression. String identifiers keep their sigil-free form with a leading
 * {@code $} ({@code "$a"}); inside {@code for ... of} loops the anonymous forms ({@code $},
 * {@code #}, {@code @}, {@code !}) have id {@code "$"}.
 */
public sealed interface Expr {

    Position pos();

    record BoolLiteral(boolean value, Position pos) implements Expr {
    }

    record IntLiteral(long value, Position pos) implements Expr {
    }

    record FloatLiteral(double value, Position pos) implements Expr {
    }

    /** A text string; the value holds bytes, one char per byte. */
    record StringLiteral(String value, Position pos) implements Expr {
    }

    /** A regular expression, valid only right of {@code matches} or as a function argument. */
    record RegexLiteral(Regex regex, Position pos) implements Expr {
    }

    record Filesize(Position pos) implements Expr {
    }

    record Entrypoint(Position pos) implements Expr {
    }

    /** A bare name: a rule, an external variable, a module, or a loop variable. */
    record Identifier(String name, Position pos) implements Expr {
    }

    /** {@code target.field}, e.g. {@code pe.number_of_sections}. */
    record FieldAccess(Expr target, String field, Position pos) implements Expr {
    }

    /** {@code target[index]}: an array element or a dictionary entry. */
    record IndexAccess(Expr target, Expr index, Position pos) implements Expr {
    }

    /** {@code function(arguments)}, e.g. {@code math.entropy(0, filesize)}. */
    record FunctionCall(Expr function, List<Expr> arguments, Position pos) implements Expr {

        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code uint32be(offset)} and its siblings. */
    record IntegerRead(IntegerType type, Expr offset, Position pos) implements Expr {
    }

    record Unary(UnaryOperator operator, Expr operand, Position pos) implements Expr {
    }

    record Binary(BinaryOperator operator, Expr left, Expr right, Position pos) implements Expr {
    }

    /** {@code $a}: the string matched somewhere. */
    record StringMatch(String id, Position pos) implements Expr {
    }

    /** {@code $a at offset}. */
    record StringAt(String id, Expr offset, Position pos) implements Expr {
    }

    /** {@code $a in (from..to)}. */
    record StringIn(String id, Range range, Position pos) implements Expr {
    }

    /** {@code #a}, or {@code #a in (from..to)} when range is not null. */
    record StringCount(String id, Range range, Position pos) implements Expr {
    }

    /** {@code @a} (first match), or {@code @a[i]} (i-th, from 1) when index is not null. */
    record StringOffset(String id, Expr index, Position pos) implements Expr {
    }

    /** {@code !a} (first match), or {@code !a[i]} when index is not null. */
    record StringLength(String id, Expr index, Position pos) implements Expr {
    }

    /**
     * {@code quantifier of set}, optionally {@code at offset} or {@code in (range)} (at most one of
     * them is non-null).
     */
    record Of(Quantifier quantifier, OfSet set, Expr at, Range in, Position pos) implements Expr {
    }

    /** {@code for quantifier of strings : ( body )}. */
    record ForOf(Quantifier quantifier, OfSet.Strings set, Expr body, Position pos) implements Expr {
    }

    /** {@code for quantifier v1, v2 in iteration : ( body )}. */
    record ForIn(Quantifier quantifier, List<String> variables, Iteration iteration, Expr body, Position pos)
            implements Expr {

        public ForIn {
            variables = List.copyOf(variables);
        }
    }
}
