package org.exhunt.sigma.condition;

import java.util.ArrayList;
import java.util.List;

import org.exhunt.sigma.condition.ConditionToken.Kind;

/**
 * Parses Sigma conditions by recursive descent. Binding, loosest first, as the specification
 * orders it: {@code or}, {@code and}, {@code not}, {@code x of}, brackets. Keywords are
 * accepted in any letter case because authors write {@code AND} as often as {@code and}.
 */
public final class ConditionParser {

    private final String text;
    private final List<ConditionToken> tokens;
    private int pos;

    private ConditionParser(String text) {
        this.text = text;
        this.tokens = ConditionLexer.tokens(text);
    }

    public static Condition parse(String text) throws ConditionSyntaxException {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException(text == null ? "" : text, 1, "the condition is empty");
        }
        ConditionParser parser = new ConditionParser(text);
        Condition result = parser.or();
        ConditionToken rest = parser.peek();
        if (rest.kind() == Kind.PIPE) {
            throw parser.error(rest, "aggregations after '|' are not supported; write a correlation rule instead");
        }
        if (rest.kind() != Kind.END) {
            throw parser.error(rest, "expected 'and', 'or' or the end, found '" + rest.text() + "'");
        }
        return result;
    }

    private Condition or() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peek().kind() == Kind.OR) {
            pos++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    private Condition and() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (peek().kind() == Kind.AND) {
            pos++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
    }

    private Condition not() throws ConditionSyntaxException {
        if (peek().kind() == Kind.NOT) {
            pos++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() throws ConditionSyntaxException {
        ConditionToken t = next();
        switch (t.kind()) {
            case OPEN -> {
                Condition inner = or();
                ConditionToken close = next();
                if (close.kind() != Kind.CLOSE) {
                    throw error(close, "expected ')' to close the '(' at column " + t.column()
                            + ", found '" + close.text() + "'");
                }
                return inner;
            }
            case ALL -> {
                return quantified(Condition.Quantified.ALL, t);
            }
            case WORD -> {
                if (peek().kind() == Kind.OF) {
                    return quantified(count(t), t);
                }
                return new Condition.Identifier(t.text());
            }
            default -> throw error(t, "expected a search identifier, 'not', 'x of' or '(', found '" + t.text() + "'");
        }
    }

    private int count(ConditionToken t) throws ConditionSyntaxException {
        try {
            int n = Integer.parseInt(t.text());
            if (n < 1) {
                throw error(t, "the count before 'of' must be at least 1, found " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(t, "expected a number or 'all' before 'of', found '" + t.text() + "'");
        }
    }

    private Condition quantified(int count, ConditionToken quantifier) throws ConditionSyntaxException {
        ConditionToken of = next();
        if (of.kind() != Kind.OF) {
            throw error(of, "expected 'of' after '" + quantifier.text() + "', found '" + of.text() + "'");
        }
        ConditionToken target = next();
        if (target.kind() == Kind.THEM) {
            return new Condition.Quantified(count, null);
        }
        if (target.kind() != Kind.WORD) {
            throw error(target, "expected 'them' or an identifier pattern after 'of', found '" + target.text() + "'");
        }
        return new Condition.Quantified(count, target.text());
    }

    private ConditionToken peek() {
        return tokens.get(pos);
    }

    private ConditionToken next() {
        ConditionToken t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private ConditionSyntaxException error(ConditionToken at, String what) {
        return new ConditionSyntaxException(text, at.column(), what);
    }
}
