package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Condition expressions, by precedence climbing over YARA's levels (lowest first): {@code or};
 * {@code and}; {@code not}/{@code defined}; {@code == != contains ... matches}; {@code < <= > >=};
 * {@code |}; {@code ^}; {@code &}; {@code << >>}; {@code + -}; {@code * \ %}; unary {@code - ~}.
 * A quantifier ({@code 2 of ...}, {@code 50% of ...}) takes a whole arithmetic expression, as
 * YARA's {@code primary_expression} does.
 */
final class ConditionParser {

    private static final int ARITHMETIC_FLOOR = BinaryOperator.BIT_OR.precedence();

    private final TokenStream in;
    /** The expression most recently read inside parentheses: the tree keeps no trace of them. */
    private Expr lastParenthesized;

    ConditionParser(TokenStream in) {
        this.in = in;
    }

    Expr expression() {
        Expr left = and();
        while (in.at(TokenKind.OR)) {
            Token op = in.next();
            left = new Expr.Binary(BinaryOperator.OR, left, and(), op.pos());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.at(TokenKind.AND)) {
            Token op = in.next();
            left = new Expr.Binary(BinaryOperator.AND, left, not(), op.pos());
        }
        return left;
    }

    private Expr not() {
        if (in.at(TokenKind.NOT) || in.at(TokenKind.DEFINED)) {
            Token op = in.next();
            UnaryOperator u = op.kind() == TokenKind.NOT ? UnaryOperator.NOT : UnaryOperator.DEFINED;
            return new Expr.Unary(u, not(), op.pos());
        }
        return equality();
    }

    private Expr equality() {
        Expr left = relational();
        while (true) {
            BinaryOperator op = equalityOperator(in.peek().kind());
            if (op == null) {
                return left;
            }
            Token t = in.next();
            Expr right;
            if (op == BinaryOperator.MATCHES) {
                Token re = in.expect(TokenKind.REGEX, "(a regular expression) after \"matches\"");
                right = new Expr.RegexLiteral(StringsParser.regex(re), re.pos());
            } else {
                right = relational();
            }
            left = new Expr.Binary(op, left, right, t.pos());
        }
    }

    private Expr relational() {
        Expr left = quantifiedOrArithmetic();
        while (true) {
            BinaryOperator op = switch (in.peek().kind()) {
                case LT -> BinaryOperator.LT;
                case LE -> BinaryOperator.LE;
                case GT -> BinaryOperator.GT;
                case GE -> BinaryOperator.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            Token t = in.next();
            left = new Expr.Binary(op, left, quantifiedOrArithmetic(), t.pos());
        }
    }

    /** An arithmetic expression, or {@code N of ...} / {@code N% of ...} when one follows it. */
    private Expr quantifiedOrArithmetic() {
        Expr e = arithmetic(ARITHMETIC_FLOOR);
        if (in.at(TokenKind.OF)) {
            return of(new Quantifier(Quantifier.Kind.COUNT, e, e.pos()));
        }
        if (in.at(TokenKind.PERCENT) && in.peek(1).kind() == TokenKind.OF) {
            if (e instanceof Expr.Binary b && b.operator().precedence() < BinaryOperator.MOD.precedence()
                    && e != lastParenthesized) {
                // yacc binds "%" to the nearest operand, so YARA reads "1 + 50% of" as "1 + (50 % of ...)".
                throw new YaraSyntaxException(in.peek().pos(), "syntax error: put the percentage in parentheses, e.g. ("
                        + "a " + b.operator().symbol() + " b)% of them");
            }
            in.next();
            Expr of = of(new Quantifier(Quantifier.Kind.PERCENT, e, e.pos()));
            if (((Expr.Of) of).in() != null) {
                throw new YaraSyntaxException(((Expr.Of) of).in().pos(),
                        "syntax error: \"N% of\" cannot be limited to a range with \"in\" (yarac refuses it)");
            }
            return of;
        }
        return e;
    }

    /** Binary operators from {@code |} up, climbing by precedence. */
    Expr arithmetic(int minPrecedence) {
        Expr left = unary();
        while (true) {
            BinaryOperator op = arithmeticOperator(in.peek().kind());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            if (op == BinaryOperator.MOD && in.peek(1).kind() == TokenKind.OF) {
                return left;
            }
            Token t = in.next();
            Expr right = arithmetic(op.precedence() + 1);
            left = new Expr.Binary(op, left, right, t.pos());
        }
    }

    private Expr unary() {
        if (in.at(TokenKind.MINUS) || in.at(TokenKind.TILDE)) {
            Token op = in.next();
            UnaryOperator u = op.kind() == TokenKind.MINUS ? UnaryOperator.MINUS : UnaryOperator.BIT_NOT;
            return new Expr.Unary(u, unary(), op.pos());
        }
        return primary();
    }

    private Expr primary() {
        Token t = in.peek();
        Position pos = t.pos();
        switch (t.kind()) {
            case TRUE, FALSE -> {
                in.next();
                return new Expr.BoolLiteral(t.kind() == TokenKind.TRUE, pos);
            }
            case INTEGER -> {
                in.next();
                return new Expr.IntLiteral(t.number(), pos);
            }
            case FLOAT -> {
                in.next();
                return new Expr.FloatLiteral(t.real(), pos);
            }
            case TEXT -> {
                in.next();
                return new Expr.StringLiteral(t.text(), pos);
            }
            case REGEX -> {
                in.next();
                return new Expr.RegexLiteral(StringsParser.regex(t), pos);
            }
            case FILESIZE -> {
                in.next();
                return new Expr.Filesize(pos);
            }
            case ENTRYPOINT -> {
                in.next();
                return new Expr.Entrypoint(pos);
            }
            case LPAREN -> {
                in.next();
                Expr e = expression();
                in.expect(TokenKind.RPAREN, "to close \"(\"");
                lastParenthesized = e;
                return e;
            }
            case STRING_ID -> {
                return stringMatch();
            }
            case STRING_ID_WILDCARD -> throw new YaraSyntaxException(pos,
                    "\"" + t.text() + "\" names a set of strings; use it in \"of\", e.g. any of (" + t.text() + ")");
            case STRING_COUNT -> {
                in.next();
                Range r = in.accept(TokenKind.IN) ? range() : null;
                return new Expr.StringCount(stringId(t), r, pos);
            }
            case STRING_OFFSET -> {
                in.next();
                return new Expr.StringOffset(stringId(t), optionalIndex(), pos);
            }
            case STRING_LENGTH -> {
                in.next();
                return new Expr.StringLength(stringId(t), optionalIndex(), pos);
            }
            case IDENTIFIER -> {
                return identifier();
            }
            case FOR -> {
                return new ForParser(in, this).forExpression();
            }
            case ALL, ANY, NONE -> {
                return of(keywordQuantifier());
            }
            default -> {
                if (t.kind().isIntegerFunction()) {
                    in.next();
                    in.expect(TokenKind.LPAREN, "after \"" + t.text() + "\"");
                    Expr offset = arithmetic(ARITHMETIC_FLOOR);
                    in.expect(TokenKind.RPAREN, "to close \"" + t.text() + "(\"");
                    return new Expr.IntegerRead(IntegerType.valueOf(t.kind().name()), offset, pos);
                }
                throw in.unexpected("an expression");
            }
        }
    }

    private Expr stringMatch() {
        Token t = in.next();
        if (in.accept(TokenKind.AT)) {
            return new Expr.StringAt(t.text(), arithmetic(ARITHMETIC_FLOOR), t.pos());
        }
        if (in.accept(TokenKind.IN)) {
            return new Expr.StringIn(t.text(), range(), t.pos());
        }
        return new Expr.StringMatch(t.text(), t.pos());
    }

    /** {@code #a}, {@code @a}, {@code !a} name the string {@code $a}; the bare sigils name {@code $}. */
    private static String stringId(Token t) {
        return "$" + t.text().substring(1);
    }

    private Expr optionalIndex() {
        if (!in.accept(TokenKind.LBRACKET)) {
            return null;
        }
        Expr index = arithmetic(ARITHMETIC_FLOOR);
        in.expect(TokenKind.RBRACKET, "to close \"[\"");
        return index;
    }

    private Expr identifier() {
        Token name = in.next();
        Expr e = new Expr.Identifier(name.text(), name.pos());
        while (true) {
            Token t = in.peek();
            if (t.kind() == TokenKind.DOT) {
                in.next();
                Token field = in.expect(TokenKind.IDENTIFIER, "(a field name) after \".\"");
                e = new Expr.FieldAccess(e, field.text(), field.pos());
            } else if (t.kind() == TokenKind.LBRACKET) {
                in.next();
                Expr index = arithmetic(ARITHMETIC_FLOOR);
                in.expect(TokenKind.RBRACKET, "to close \"[\"");
                e = new Expr.IndexAccess(e, index, t.pos());
            } else if (t.kind() == TokenKind.LPAREN) {
                in.next();
                List<Expr> args = new ArrayList<>();
                if (!in.at(TokenKind.RPAREN)) {
                    do {
                        args.add(expression());
                    } while (in.accept(TokenKind.COMMA));
                }
                in.expect(TokenKind.RPAREN, "to close the argument list");
                e = new Expr.FunctionCall(e, args, t.pos());
            } else {
                return e;
            }
        }
    }

    Quantifier keywordQuantifier() {
        Token t = in.next();
        Quantifier.Kind k = switch (t.kind()) {
            case ALL -> Quantifier.Kind.ALL;
            case ANY -> Quantifier.Kind.ANY;
            default -> Quantifier.Kind.NONE;
        };
        return new Quantifier(k, null, t.pos());
    }

    private Expr of(Quantifier q) {
        in.expect(TokenKind.OF, "after the quantifier");
        OfSet set = ofSet(true);
        if (in.accept(TokenKind.AT)) {
            return new Expr.Of(q, set, arithmetic(ARITHMETIC_FLOOR), null, q.pos());
        }
        if (in.accept(TokenKind.IN)) {
            return new Expr.Of(q, set, null, range(), q.pos());
        }
        return new Expr.Of(q, set, null, null, q.pos());
    }

    /** {@code them}, {@code ($a, $b*)} or, where rules are allowed, {@code (rule_a, rule_b*)}. */
    OfSet ofSet(boolean rulesAllowed) {
        Token t = in.peek();
        if (in.accept(TokenKind.THEM)) {
            return new OfSet.Strings(List.of(), true, t.pos());
        }
        in.expect(TokenKind.LPAREN, rulesAllowed ? "(\"them\" or a list of strings or rules)" : "(\"them\" or a list of strings)");
        boolean strings = in.at(TokenKind.STRING_ID) || in.at(TokenKind.STRING_ID_WILDCARD);
        if (!strings && !(rulesAllowed && in.at(TokenKind.IDENTIFIER))) {
            throw in.unexpected(rulesAllowed ? "a string identifier or rule name" : "a string identifier");
        }
        List<String> patterns = new ArrayList<>();
        do {
            if (strings) {
                if (!in.at(TokenKind.STRING_ID) && !in.at(TokenKind.STRING_ID_WILDCARD)) {
                    throw in.unexpected("a string identifier");
                }
                patterns.add(in.next().text());
            } else {
                Token name = in.expect(TokenKind.IDENTIFIER, "(a rule name)");
                patterns.add(in.accept(TokenKind.STAR) ? name.text() + "*" : name.text());
            }
        } while (in.accept(TokenKind.COMMA));
        in.expect(TokenKind.RPAREN, "to close the set");
        return strings ? new OfSet.Strings(patterns, false, t.pos()) : new OfSet.Rules(patterns, t.pos());
    }

    Range range() {
        Token open = in.expect(TokenKind.LPAREN, "to open a range such as (0..100)");
        Expr from = arithmetic(ARITHMETIC_FLOOR);
        in.expect(TokenKind.DOT_DOT, "in the range");
        Expr to = arithmetic(ARITHMETIC_FLOOR);
        in.expect(TokenKind.RPAREN, "to close the range");
        return new Range(from, to, open.pos());
    }

    private static BinaryOperator equalityOperator(TokenKind k) {
        return switch (k) {
            case EQ -> BinaryOperator.EQ;
            case NE -> BinaryOperator.NE;
            case CONTAINS -> BinaryOperator.CONTAINS;
            case ICONTAINS -> BinaryOperator.ICONTAINS;
            case STARTSWITH -> BinaryOperator.STARTSWITH;
            case ISTARTSWITH -> BinaryOperator.ISTARTSWITH;
            case ENDSWITH -> BinaryOperator.ENDSWITH;
            case IENDSWITH -> BinaryOperator.IENDSWITH;
            case IEQUALS -> BinaryOperator.IEQUALS;
            case MATCHES -> BinaryOperator.MATCHES;
            default -> null;
        };
    }

    private static BinaryOperator arithmeticOperator(TokenKind k) {
        return switch (k) {
            case PIPE -> BinaryOperator.BIT_OR;
            case CARET -> BinaryOperator.BIT_XOR;
            case AMP -> BinaryOperator.BIT_AND;
            case SHL -> BinaryOperator.SHL;
            case SHR -> BinaryOperator.SHR;
            case PLUS -> BinaryOperator.ADD;
            case MINUS -> BinaryOperator.SUB;
            case STAR -> BinaryOperator.MUL;
            case BACKSLASH -> BinaryOperator.DIV;
            case PERCENT -> BinaryOperator.MOD;
            default -> null;
        };
    }
}
