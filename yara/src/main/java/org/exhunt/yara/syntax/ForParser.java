package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code for} loops: {@code for Q of <strings> : ( body )} and
 * {@code for Q v1, v2 in <range | list | value> : ( body )}.
 */
final class ForParser {

    private final TokenStream in;
    private final ConditionParser conditions;

    ForParser(TokenStream in, ConditionParser conditions) {
        this.in = in;
        this.conditions = conditions;
    }

    Expr forExpression() {
        Token start = in.next();
        Quantifier q = quantifier();
        if (in.accept(TokenKind.OF)) {
            OfSet set = conditions.ofSet(false);
            Expr body = body();
            return new Expr.ForOf(q, (OfSet.Strings) set, body, start.pos());
        }
        List<String> variables = new ArrayList<>();
        do {
            variables.add(in.expect(TokenKind.IDENTIFIER, "(a loop variable) or \"of\" after the quantifier").text());
        } while (in.accept(TokenKind.COMMA));
        in.expect(TokenKind.IN, "after the loop variables");
        Iteration iteration = iteration();
        Expr body = body();
        return new Expr.ForIn(q, variables, iteration, body, start.pos());
    }

    private Quantifier quantifier() {
        if (in.at(TokenKind.ALL) || in.at(TokenKind.ANY) || in.at(TokenKind.NONE)) {
            return conditions.keywordQuantifier();
        }
        Expr amount = conditions.arithmetic(BinaryOperator.BIT_OR.precedence());
        if (in.at(TokenKind.PERCENT)) {
            throw new YaraSyntaxException(in.peek().pos(),
                    "syntax error: a percentage cannot count a for loop (yarac refuses it); write \"N% of ...\" without \"for\"");
        }
        return new Quantifier(Quantifier.Kind.COUNT, amount, amount.pos());
    }

    private Iteration iteration() {
        if (!in.at(TokenKind.LPAREN)) {
            if (!in.at(TokenKind.IDENTIFIER)) {
                throw in.unexpected("a range, a list in parentheses, or an array or dictionary to loop over");
            }
            return new Iteration.OverValue(conditions.arithmetic(BinaryOperator.BIT_OR.precedence()));
        }
        Token open = in.next();
        Expr first = conditions.arithmetic(BinaryOperator.BIT_OR.precedence());
        if (in.accept(TokenKind.DOT_DOT)) {
            Expr to = conditions.arithmetic(BinaryOperator.BIT_OR.precedence());
            in.expect(TokenKind.RPAREN, "to close the range");
            return new Iteration.OverRange(new Range(first, to, open.pos()));
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (in.accept(TokenKind.COMMA)) {
            items.add(conditions.arithmetic(BinaryOperator.BIT_OR.precedence()));
        }
        in.expect(TokenKind.RPAREN, "to close the list");
        return new Iteration.OverList(items);
    }

    private Expr body() {
        in.expect(TokenKind.COLON, "before the loop body");
        in.expect(TokenKind.LPAREN, "to open the loop body");
        Expr body = conditions.expression();
        in.expect(TokenKind.RPAREN, "to close the loop body");
        return body;
    }
}
