package org.exhunt.yara;

import static org.exhunt.yara.module.ValueType.Scalar.BOOLEAN;
import static org.exhunt.yara.module.ValueType.Scalar.FLOAT;
import static org.exhunt.yara.module.ValueType.Scalar.INTEGER;
import static org.exhunt.yara.module.ValueType.Scalar.REGEX;
import static org.exhunt.yara.module.ValueType.Scalar.STRING;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ValueType;
import org.exhunt.yara.syntax.BinaryOperator;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.Iteration;
import org.exhunt.yara.syntax.OfSet;
import org.exhunt.yara.syntax.Position;
import org.exhunt.yara.syntax.Quantifier;
import org.exhunt.yara.syntax.Range;
import org.exhunt.yara.syntax.UnaryOperator;

/**
 * Types a rule's condition the way libyara does while compiling it: every name must resolve,
 * operators get operands of the types they take, module fields and functions exist with the
 * arguments given. Records which of the rule's strings the condition uses.
 */
final class ConditionChecker {

    private final Namespace names;
    private final StringTable strings;
    private final RegexValidator regexValidator;
    private final Deque<Map<String, ValueType>> loopScopes = new ArrayDeque<>();
    private int forOfDepth;

    ConditionChecker(Namespace names, StringTable strings, RegexValidator regexValidator) {
        this.names = names;
        this.strings = strings;
        this.regexValidator = regexValidator;
    }

    void checkCondition(Expr condition) {
        requireBoolean(condition, "condition");
    }

    private void requireBoolean(Expr e, String where) {
        ValueType t = type(e);
        if (!(t == BOOLEAN || t == INTEGER || t == FLOAT || t == STRING)) {
            throw fail(e.pos(), "wrong type \"" + t.describe() + "\" for " + where + ": expected a boolean expression");
        }
    }

    private ValueType.Scalar requireScalar(Expr e, String operator, ValueType.Scalar... allowed) {
        ValueType t = type(e);
        for (ValueType.Scalar a : allowed) {
            if (t == a) {
                return a;
            }
        }
        throw fail(e.pos(), "wrong type \"" + t.describe() + "\" for " + operator + " operator");
    }

    ValueType type(Expr e) {
        if (e instanceof Expr.BoolLiteral) {
            return BOOLEAN;
        } else if (e instanceof Expr.IntLiteral || e instanceof Expr.Filesize || e instanceof Expr.Entrypoint) {
            return INTEGER;
        } else if (e instanceof Expr.FloatLiteral) {
            return FLOAT;
        } else if (e instanceof Expr.StringLiteral) {
            return STRING;
        } else if (e instanceof Expr.RegexLiteral r) {
            regexValidator.problem(r.regex()).ifPresent(p -> {
                throw fail(r.pos(), "invalid regular expression " + r.regex() + ": " + p);
            });
            return REGEX;
        } else if (e instanceof Expr.Identifier id) {
            return identifier(id);
        } else if (e instanceof Expr.FieldAccess f) {
            return field(f);
        } else if (e instanceof Expr.IndexAccess ix) {
            return index(ix);
        } else if (e instanceof Expr.FunctionCall call) {
            return call(call);
        } else if (e instanceof Expr.IntegerRead read) {
            requireScalar(read.offset(), read.type().functionName(), INTEGER);
            return INTEGER;
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.StringMatch m) {
            strings.reference(m.id(), m.pos(), inForOf());
            return BOOLEAN;
        } else if (e instanceof Expr.StringAt at) {
            strings.reference(at.id(), at.pos(), inForOf());
            requireScalar(at.offset(), "at", INTEGER);
            return BOOLEAN;
        } else if (e instanceof Expr.StringIn in) {
            strings.reference(in.id(), in.pos(), inForOf());
            range(in.range());
            return BOOLEAN;
        } else if (e instanceof Expr.StringCount c) {
            strings.reference(c.id(), c.pos(), inForOf());
            if (c.range() != null) {
                range(c.range());
            }
            return INTEGER;
        } else if (e instanceof Expr.StringOffset o) {
            strings.reference(o.id(), o.pos(), inForOf());
            optionalIndex(o.index());
            return INTEGER;
        } else if (e instanceof Expr.StringLength l) {
            strings.reference(l.id(), l.pos(), inForOf());
            optionalIndex(l.index());
            return INTEGER;
        } else if (e instanceof Expr.Of of) {
            return of(of);
        } else if (e instanceof Expr.ForOf f) {
            if (inForOf()) {
                throw fail(f.pos(), "'for <quantifier> of <string set>' loops can't be nested");
            }
            quantifier(f.quantifier());
            stringSet(f.set());
            forOfDepth++;
            try {
                requireBoolean(f.body(), "loop body");
            } finally {
                forOfDepth--;
            }
            return BOOLEAN;
        } else if (e instanceof Expr.ForIn f) {
            return forIn(f);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private boolean inForOf() {
        return forOfDepth > 0;
    }

    private ValueType identifier(Expr.Identifier id) {
        for (Map<String, ValueType> scope : loopScopes) {
            ValueType t = scope.get(id.name());
            if (t != null) {
                return t;
            }
        }
        ValueType t = names.lookup(id.name());
        if (t == null) {
            throw fail(id.pos(), "undefined identifier \"" + id.name() + "\"");
        }
        return t;
    }

    private ValueType field(Expr.FieldAccess f) {
        ValueType target = type(f.target());
        if (!(target instanceof ValueType.Struct s)) {
            throw fail(f.pos(), "\"" + describe(f.target()) + "\" is not a structure, so it has no field \"" + f.field() + "\"");
        }
        ValueType t = s.fields().get(f.field());
        if (t == null) {
            throw fail(f.pos(), "invalid field name \"" + f.field() + "\"");
        }
        return t;
    }

    private ValueType index(Expr.IndexAccess ix) {
        ValueType target = type(ix.target());
        ValueType key = type(ix.index());
        if (target instanceof ValueType.ArrayOf a) {
            if (key != INTEGER) {
                throw fail(ix.index().pos(), "array indexes must be of integer type");
            }
            return a.element();
        }
        if (target instanceof ValueType.DictionaryOf d) {
            if (key != STRING) {
                throw fail(ix.index().pos(), "dictionary keys must be of string type");
            }
            return d.element();
        }
        throw fail(ix.pos(), "\"" + describe(ix.target()) + "\" is not an array or dictionary");
    }

    private ValueType call(Expr.FunctionCall call) {
        ValueType target = type(call.function());
        if (!(target instanceof ValueType.Function f)) {
            throw fail(call.pos(), "\"" + describe(call.function()) + "\" is not a function");
        }
        List<ValueType> args = new ArrayList<>();
        for (Expr a : call.arguments()) {
            args.add(type(a));
        }
        for (ValueType.Signature s : f.overloads()) {
            if (s.parameters().equals(args)) {
                return s.result();
            }
        }
        throw fail(call.pos(), "wrong arguments for function \"" + describe(call.function()) + "\": got ("
                + String.join(", ", args.stream().map(ValueType::describe).toList()) + ")");
    }

    private ValueType unary(Expr.Unary u) {
        if (u.operator() == UnaryOperator.NOT) {
            requireBoolean(u.operand(), "not");
            return BOOLEAN;
        }
        if (u.operator() == UnaryOperator.DEFINED) {
            type(u.operand());
            return BOOLEAN;
        }
        if (u.operator() == UnaryOperator.MINUS) {
            return requireScalar(u.operand(), "-", INTEGER, FLOAT);
        }
        return requireScalar(u.operand(), "~", INTEGER);
    }

    private ValueType binary(Expr.Binary b) {
        BinaryOperator op = b.operator();
        if (op == BinaryOperator.AND || op == BinaryOperator.OR) {
            requireBoolean(b.left(), op.symbol());
            requireBoolean(b.right(), op.symbol());
            return BOOLEAN;
        }
        if (op == BinaryOperator.MATCHES) {
            requireScalar(b.left(), "matches", STRING);
            requireScalar(b.right(), "matches", REGEX);
            return BOOLEAN;
        }
        if (op.isStringOperator()) {
            requireScalar(b.left(), op.symbol(), STRING);
            requireScalar(b.right(), op.symbol(), STRING);
            return BOOLEAN;
        }
        if (op.isComparison()) {
            ValueType l = type(b.left());
            ValueType r = type(b.right());
            boolean numbers = isNumber(l) && isNumber(r);
            boolean texts = l == STRING && r == STRING;
            if (!numbers && !texts) {
                throw fail(b.pos(), "type mismatch: cannot compare " + l.describe() + " with " + r.describe()
                        + " using \"" + op.symbol() + "\"");
            }
            return BOOLEAN;
        }
        if (op.isBitwise() || op == BinaryOperator.MOD) {
            requireScalar(b.left(), op.symbol(), INTEGER);
            requireScalar(b.right(), op.symbol(), INTEGER);
            checkDivisor(b);
            return INTEGER;
        }
        ValueType.Scalar l = requireScalar(b.left(), op.symbol(), INTEGER, FLOAT);
        ValueType.Scalar r = requireScalar(b.right(), op.symbol(), INTEGER, FLOAT);
        checkDivisor(b);
        return l == FLOAT || r == FLOAT ? FLOAT : INTEGER;
    }

    /** A divisor that is zero whatever the data, as libyara finds by folding constants; also folds for overflow. */
    private static void checkDivisor(Expr.Binary b) {
        if ((b.operator() == BinaryOperator.DIV || b.operator() == BinaryOperator.MOD)
                && ConstantFolder.fold(b.right()).orElse(1) == 0) {
            throw fail(b.pos(), "division by zero");
        }
        if ((b.operator() == BinaryOperator.SHL || b.operator() == BinaryOperator.SHR)
                && ConstantFolder.fold(b.right()).orElse(0) < 0) {
            throw fail(b.pos(), "shift by a negative amount (" + ConstantFolder.fold(b.right()).getAsLong() + ")");
        }
        ConstantFolder.fold(b);
    }

    private ValueType of(Expr.Of of) {
        quantifier(of.quantifier());
        if (of.set() instanceof OfSet.Strings s) {
            stringSet(s);
        } else {
            OfSet.Rules rules = (OfSet.Rules) of.set();
            for (String p : rules.patterns()) {
                boolean found = p.endsWith("*") ? names.anyRuleStartsWith(p.substring(0, p.length() - 1)) : names.hasRule(p);
                if (!found) {
                    throw fail(rules.pos(), "undefined identifier \"" + p + "\"" + (p.endsWith("*") ? ": no rule defined before starts with that" : ""));
                }
            }
            if (of.at() != null || of.in() != null) {
                throw fail(of.pos(), "\"at\" and \"in\" apply to strings, not to a set of rules");
            }
        }
        if (of.at() != null) {
            requireScalar(of.at(), "at", INTEGER);
        }
        if (of.in() != null) {
            range(of.in());
        }
        return BOOLEAN;
    }

    private void stringSet(OfSet.Strings set) {
        if (set.them()) {
            strings.referenceAll(set.pos());
            return;
        }
        for (String p : set.patterns()) {
            strings.referenceSetMember(p, set.pos());
        }
    }

    private void quantifier(Quantifier q) {
        if (q.amount() == null) {
            return;
        }
        if (q.kind() == Quantifier.Kind.PERCENT) {
            requireScalar(q.amount(), "%", INTEGER);
            long percent = ConstantFolder.fold(q.amount()).orElse(50);
            if (percent < 1 || percent > 100) {
                throw fail(q.pos(), "percentage must be between 1 and 100 (inclusive), not " + percent);
            }
        } else {
            // libyara does not check a count's type (a float or even a string compiles), so neither do we.
            type(q.amount());
        }
    }

    private void range(Range r) {
        if (type(r.from()) != INTEGER) {
            throw fail(r.from().pos(), "wrong type for range's lower bound: expected integer");
        }
        if (type(r.to()) != INTEGER) {
            throw fail(r.to().pos(), "wrong type for range's upper bound: expected integer");
        }
    }

    /** The index of {@code @a[i]} and {@code !a[i]}: typed, but like libyara not required to be an integer. */
    private void optionalIndex(Expr index) {
        if (index != null) {
            type(index);
        }
    }

    private ValueType forIn(Expr.ForIn f) {
        quantifier(f.quantifier());
        List<ValueType> itemTypes = iterationTypes(f.iteration(), f.pos());
        if (itemTypes.size() != f.variables().size()) {
            throw fail(f.pos(), "wrong number of loop variables: this loop gives " + itemTypes.size()
                    + (itemTypes.size() == 1 ? " value" : " values") + " per step, " + f.variables().size() + " named");
        }
        Map<String, ValueType> scope = new HashMap<>();
        for (int i = 0; i < itemTypes.size(); i++) {
            String name = f.variables().get(i);
            boolean inOuterLoop = loopScopes.stream().anyMatch(outer -> outer.containsKey(name));
            if (scope.put(name, itemTypes.get(i)) != null || inOuterLoop) {
                throw fail(f.pos(), "duplicated loop identifier \"" + name + "\"");
            }
        }
        loopScopes.push(scope);
        try {
            requireBoolean(f.body(), "loop body");
        } finally {
            loopScopes.pop();
        }
        return BOOLEAN;
    }

    private List<ValueType> iterationTypes(Iteration it, Position pos) {
        if (it instanceof Iteration.OverRange r) {
            range(r.range());
            return List.of(INTEGER);
        }
        if (it instanceof Iteration.OverList l) {
            ValueType first = null;
            for (Expr item : l.items()) {
                ValueType t = type(item);
                if ((t != INTEGER && t != STRING) || (first != null && t != first)) {
                    throw fail(item.pos(), "wrong type for enumeration item: all items must be integers, or all strings");
                }
                first = t;
            }
            return List.of(first);
        }
        Expr value = ((Iteration.OverValue) it).value();
        ValueType t = type(value);
        if (t instanceof ValueType.ArrayOf a) {
            return List.of(a.element());
        }
        if (t instanceof ValueType.DictionaryOf d) {
            return List.of(STRING, d.element());
        }
        throw fail(pos, "\"" + describe(value) + "\" is not an array or dictionary, so a loop cannot walk it");
    }

    private static boolean isNumber(ValueType t) {
        return t == INTEGER || t == FLOAT;
    }

    /** A short rendering of a name expression for messages, e.g. {@code pe.sections[]}. */
    private static String describe(Expr e) {
        if (e instanceof Expr.Identifier id) {
            return id.name();
        } else if (e instanceof Expr.FieldAccess f) {
            return describe(f.target()) + "." + f.field();
        } else if (e instanceof Expr.IndexAccess ix) {
            return describe(ix.target()) + "[]";
        } else if (e instanceof Expr.FunctionCall c) {
            return describe(c.function()) + "()";
        }
        return "expression";
    }

    static CheckFailure fail(Position pos, String message) {
        return new CheckFailure(pos, message);
    }
}
