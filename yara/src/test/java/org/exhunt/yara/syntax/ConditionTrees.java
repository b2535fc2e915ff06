package org.exhunt.yara.syntax;

import java.util.List;
import java.util.Random;

/**
 * Random, well-formed condition trees for round-trip properties: integer-valued and
 * boolean-valued expressions, each put only where the grammar admits it. Positions are null;
 * the properties compare trees by their printed shape.
 */
final class ConditionTrees {

    private static final BinaryOperator[] ARITHMETIC = {
            BinaryOperator.ADD, BinaryOperator.SUB, BinaryOperator.MUL, BinaryOperator.DIV, BinaryOperator.MOD,
            BinaryOperator.BIT_AND, BinaryOperator.BIT_OR, BinaryOperator.BIT_XOR, BinaryOperator.SHL, BinaryOperator.SHR};
    private static final BinaryOperator[] COMPARISONS = {
            BinaryOperator.EQ, BinaryOperator.NE, BinaryOperator.LT, BinaryOperator.LE, BinaryOperator.GT, BinaryOperator.GE};
    private static final BinaryOperator[] TEXT_OPERATORS = {
            BinaryOperator.CONTAINS, BinaryOperator.ICONTAINS, BinaryOperator.STARTSWITH, BinaryOperator.ISTARTSWITH,
            BinaryOperator.ENDSWITH, BinaryOperator.IENDSWITH, BinaryOperator.IEQUALS, BinaryOperator.EQ, BinaryOperator.NE};

    private final Random random;

    ConditionTrees(Random random) {
        this.random = random;
    }

    Expr bool(int depth) {
        if (depth <= 0) {
            return switch (random.nextInt(4)) {
                case 0 -> new Expr.BoolLiteral(random.nextBoolean(), null);
                case 1 -> new Expr.StringMatch(pick("$a", "$b", "$long_name_1"), null);
                case 2 -> new Expr.Identifier(pick("rule_a", "filename", "x"), null);
                default -> new Expr.Of(quantifier(0), new OfSet.Strings(List.of(), true, null), null, null, null);
            };
        }
        int d = depth - 1;
        return switch (random.nextInt(14)) {
            case 0, 1 -> new Expr.Binary(random.nextBoolean() ? BinaryOperator.AND : BinaryOperator.OR, bool(d), bool(d), null);
            case 2 -> new Expr.Unary(random.nextInt(4) == 0 ? UnaryOperator.DEFINED : UnaryOperator.NOT, bool(d), null);
            case 3, 4 -> new Expr.Binary(pick(COMPARISONS), integer(d), integer(d), null);
            case 5 -> new Expr.Binary(pick(TEXT_OPERATORS), text(), text(), null);
            case 6 -> new Expr.Binary(BinaryOperator.MATCHES, text(), new Expr.RegexLiteral(
                    new Regex(pick("abc", "a\\/b+", "[0-9]{2,4}"), random.nextBoolean(), random.nextBoolean()), null), null);
            case 7 -> new Expr.StringAt(pick("$a", "$b"), integer(d), null);
            case 8 -> new Expr.StringIn(pick("$a", "$b"), range(d), null);
            case 9 -> {
                int where = random.nextInt(3);
                Quantifier q = quantifier(d);
                if (q.kind() == Quantifier.Kind.PERCENT && where == 2) {
                    where = 0; // "50% of them in (...)" is not YARA
                }
                yield new Expr.Of(q, set(), where == 1 ? integer(d) : null, where == 2 ? range(d) : null, null);
            }
            case 10 -> new Expr.ForIn(loopQuantifier(d), List.of("i"), new Iteration.OverRange(range(d)),
                    new Expr.Binary(pick(COMPARISONS), new Expr.Identifier("i", null), integer(d), null), null);
            case 11 -> new Expr.ForIn(loopQuantifier(d), List.of("k", "v"),
                    new Iteration.OverValue(new Expr.FieldAccess(new Expr.Identifier("pe", null), "version_info", null)),
                    bool(d), null);
            case 12 -> new Expr.ForOf(loopQuantifier(d), (OfSet.Strings) set(), new Expr.StringAt("$", integer(d), null), null);
            default -> new Expr.Of(quantifier(d), new OfSet.Rules(List.of("rule_a", "web*"), null), null, null, null);
        };
    }

    Expr integer(int depth) {
        if (depth <= 0) {
            return switch (random.nextInt(6)) {
                case 0, 1 -> new Expr.IntLiteral(random.nextInt(100_000), null);
                case 2 -> new Expr.Filesize(null);
                case 3 -> new Expr.StringCount(pick("$a", "$b"), null, null);
                case 4 -> new Expr.FieldAccess(new Expr.Identifier("pe", null), "number_of_sections", null);
                default -> new Expr.FloatLiteral(random.nextInt(1000) + 0.25, null);
            };
        }
        int d = depth - 1;
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Expr.Binary(pick(ARITHMETIC), integer(d), integer(d), null);
            case 3 -> new Expr.Unary(random.nextBoolean() ? UnaryOperator.MINUS : UnaryOperator.BIT_NOT, integer(d), null);
            case 4 -> new Expr.IntegerRead(pick(IntegerType.values()), integer(d), null);
            case 5 -> new Expr.StringOffset(pick("$a", "$b"), random.nextBoolean() ? integer(d) : null, null);
            case 6 -> new Expr.StringLength(pick("$a", "$b"), random.nextBoolean() ? integer(d) : null, null);
            case 7 -> new Expr.StringCount(pick("$a", "$b"), range(d), null);
            case 8 -> new Expr.FunctionCall(new Expr.FieldAccess(new Expr.Identifier("math", null), "entropy", null),
                    List.of(integer(d), integer(d)), null);
            default -> new Expr.FieldAccess(new Expr.IndexAccess(
                    new Expr.FieldAccess(new Expr.Identifier("pe", null), "sections", null), integer(d), null), "raw_data_size", null);
        };
    }

    private Expr text() {
        if (random.nextInt(3) == 0) {
            return new Expr.Identifier("filename", null);
        }
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append((char) random.nextInt(256));
        }
        return new Expr.StringLiteral(b.toString(), null);
    }

    private Range range(int depth) {
        return new Range(integer(depth), integer(depth), null);
    }

    private Quantifier quantifier(int depth) {
        return switch (random.nextInt(5)) {
            case 0 -> new Quantifier(Quantifier.Kind.ALL, null, null);
            case 1 -> new Quantifier(Quantifier.Kind.ANY, null, null);
            case 2 -> new Quantifier(Quantifier.Kind.NONE, null, null);
            case 3 -> new Quantifier(Quantifier.Kind.COUNT, integer(Math.min(depth, 1)), null);
            default -> new Quantifier(Quantifier.Kind.PERCENT, integer(Math.min(depth, 1)), null);
        };
    }

    /** Loops take no percentage: {@code for 50% i in} reads as {@code 50 % i}, and yarac refuses {@code for 50% of}. */
    private Quantifier loopQuantifier(int depth) {
        Quantifier q = quantifier(depth);
        return q.kind() == Quantifier.Kind.PERCENT ? new Quantifier(Quantifier.Kind.COUNT, q.amount(), null) : q;
    }

    private OfSet set() {
        if (random.nextBoolean()) {
            return new OfSet.Strings(List.of(), true, null);
        }
        return new OfSet.Strings(random.nextBoolean() ? List.of("$a", "$b*") : List.of("$*"), false, null);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
