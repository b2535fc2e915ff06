package org.exhunt.yara;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleFunction;
import org.exhunt.yara.module.ModuleRegex;
import org.exhunt.yara.syntax.BinaryOperator;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.IntegerType;
import org.exhunt.yara.syntax.Iteration;
import org.exhunt.yara.syntax.OfSet;
import org.exhunt.yara.syntax.Quantifier;
import org.exhunt.yara.syntax.Range;

/**
 * Evaluates conditions over one scanned buffer with libyara's rules for undefined values: a
 * read past the end, a missing module field, a division by zero are undefined; arithmetic,
 * comparisons and {@code not} of an undefined value are undefined; {@code and} with an
 * undefined side is false; {@code or} takes its defined side; a loop body that is undefined
 * counts as false; and a rule whose condition ends undefined does not match.
 *
 * <p>Values are Long, Double, Boolean, String (one char per byte), the module tree's Map, List
 * and {@link ModuleFunction}, a {@link ModuleRegex}, or {@link #UNDEFINED}.
 */
final class ConditionEvaluator {

    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    /** Thrown through the evaluation when the time budget is spent. */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("time budget spent", null, false, false);
        }
    }

    private static final double DBL_EPSILON = Math.ulp(1.0);

    private final ScanState state;
    private final Deque<Map<String, Object>> loopScopes = new ArrayDeque<>();
    private CompiledRule rule;
    /** The string {@code $} stands for inside {@code for ... of}, or -1. */
    private int current = -1;
    private int steps;

    ConditionEvaluator(ScanState state) {
        this.state = state;
    }

    boolean matches(CompiledRule r) {
        this.rule = r;
        this.current = -1;
        loopScopes.clear();
        return truth(eval(r.rule.condition()));
    }

    static boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Long l) {
            return l != 0;
        } else if (v instanceof Double d) {
            return d != 0.0;
        } else if (v instanceof String s) {
            return !s.isEmpty();
        }
        return false;
    }

    private Object eval(Expr e) {
        if (++steps >= 4096) {
            steps = 0;
            state.checkTime();
        }
        if (e instanceof Expr.BoolLiteral b) {
            return b.value();
        } else if (e instanceof Expr.IntLiteral i) {
            return i.value();
        } else if (e instanceof Expr.FloatLiteral f) {
            return f.value();
        } else if (e instanceof Expr.StringLiteral s) {
            return s.value();
        } else if (e instanceof Expr.RegexLiteral r) {
            return state.regex(r);
        } else if (e instanceof Expr.Filesize) {
            return (long) state.data.length;
        } else if (e instanceof Expr.Entrypoint) {
            return state.entryPoint();
        } else if (e instanceof Expr.Identifier id) {
            return identifier(id.name());
        } else if (e instanceof Expr.FieldAccess f) {
            Object target = eval(f.target());
            return target instanceof Map<?, ?> m ? scalar(m.get(f.field())) : UNDEFINED;
        } else if (e instanceof Expr.IndexAccess ix) {
            return index(eval(ix.target()), eval(ix.index()));
        } else if (e instanceof Expr.FunctionCall c) {
            return call(c);
        } else if (e instanceof Expr.IntegerRead r) {
            return read(r.type(), eval(r.offset()));
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.StringMatch m) {
            return state.table.count(pattern(m.id())) > 0;
        } else if (e instanceof Expr.StringAt at) {
            return stringAt(pattern(at.id()), eval(at.offset()));
        } else if (e instanceof Expr.StringIn in) {
            long[] range = range(in.range());
            return range == null ? UNDEFINED : countIn(pattern(in.id()), range, true) > 0;
        } else if (e instanceof Expr.StringCount c) {
            int p = pattern(c.id());
            if (c.range() == null) {
                return (long) state.table.count(p);
            }
            long[] range = range(c.range());
            return range == null ? UNDEFINED : (long) countIn(p, range, false);
        } else if (e instanceof Expr.StringOffset o) {
            return nth(pattern(o.id()), o.index(), true);
        } else if (e instanceof Expr.StringLength l) {
            return nth(pattern(l.id()), l.index(), false);
        } else if (e instanceof Expr.Of of) {
            return of(of);
        } else if (e instanceof Expr.ForOf f) {
            return forOf(f);
        } else if (e instanceof Expr.ForIn f) {
            return forIn(f);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    // ---- names and module values

    private Object identifier(String name) {
        for (Map<String, Object> scope : loopScopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        Integer ruleIndex = state.ruleIndex(name);
        if (ruleIndex != null) {
            return state.ruleResult(ruleIndex);
        }
        Object external = state.external(name);
        if (external != null) {
            return external;
        }
        return state.module(name);
    }

    /** A module value as conditions see it: a NaN float is undefined, ints widen to Long. */
    private static Object scalar(Object v) {
        if (v == null) {
            return UNDEFINED;
        } else if (v instanceof Double d) {
            return d.isNaN() ? UNDEFINED : d;
        } else if (v instanceof Float f) {
            return f.isNaN() ? UNDEFINED : (double) f;
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    private static Object index(Object target, Object key) {
        if (target instanceof List<?> list && key instanceof Long i) {
            return i >= 0 && i < list.size() ? scalar(list.get((int) (long) i)) : UNDEFINED;
        }
        if (target instanceof Map<?, ?> dict && key instanceof String k) {
            return scalar(dict.get(k));
        }
        return UNDEFINED;
    }

    private Object call(Expr.FunctionCall c) {
        Object f = eval(c.function());
        List<Object> args = new ArrayList<>(c.arguments().size());
        boolean undefined = false;
        for (Expr a : c.arguments()) {
            Object v = eval(a);
            undefined |= v == UNDEFINED;
            args.add(v instanceof Boolean b ? (b ? 1L : 0L) : v);
        }
        if (undefined || !(f instanceof ModuleFunction fn)) {
            return UNDEFINED;
        }
        try {
            return scalar(fn.call(args, state.data));
        } catch (RuntimeException ex) {
            // A module must not break a scan; its answer for this call is simply unknown.
            state.warn("module function " + c.function() + " failed: " + ex);
            return UNDEFINED;
        }
    }

    private Object read(IntegerType type, Object offset) {
        if (!(offset instanceof Long off) || off < 0 || off > state.data.length - type.bytes()) {
            return UNDEFINED;
        }
        byte[] d = state.data;
        int at = (int) (long) off;
        long v = 0;
        for (int i = 0; i < type.bytes(); i++) {
            int b = d[type.bigEndian() ? at + i : at + type.bytes() - 1 - i] & 0xFF;
            v = (v << 8) | b;
        }
        if (type.signed()) {
            int shift = 64 - 8 * type.bytes();
            v = (v << shift) >> shift;
        }
        return v;
    }

    // ---- operators

    private Object unary(Expr.Unary u) {
        Object v = eval(u.operand());
        switch (u.operator()) {
            case DEFINED:
                return v != UNDEFINED;
            case NOT:
                return v == UNDEFINED ? UNDEFINED : !truth(v);
            case MINUS:
                if (v instanceof Long l) {
                    return -l;
                }
                return v instanceof Double d ? (Object) (-d) : UNDEFINED;
            default:
                return v instanceof Long l ? (Object) ~l : UNDEFINED;
        }
    }

    private Object binary(Expr.Binary b) {
        BinaryOperator op = b.operator();
        if (op == BinaryOperator.AND) {
            Object l = eval(b.left());
            if (l == UNDEFINED || !truth(l)) {
                return false;
            }
            Object r = eval(b.right());
            return r != UNDEFINED && truth(r);
        }
        if (op == BinaryOperator.OR) {
            Object l = eval(b.left());
            if (l != UNDEFINED && truth(l)) {
                return true;
            }
            Object r = eval(b.right());
            if (r == UNDEFINED) {
                return l == UNDEFINED ? UNDEFINED : false;
            }
            return truth(r);
        }
        Object l = eval(b.left());
        Object r = eval(b.right());
        if (l == UNDEFINED || r == UNDEFINED) {
            return UNDEFINED;
        }
        if (op == BinaryOperator.MATCHES) {
            return l instanceof String s && r instanceof ModuleRegex re ? (Object) re.find(s) : UNDEFINED;
        }
        if (l instanceof String ls && r instanceof String rs) {
            return strings(op, ls, rs);
        }
        l = number(l);
        r = number(r);
        if (!(l instanceof Number) || !(r instanceof Number)) {
            return UNDEFINED;
        }
        if (l instanceof Double || r instanceof Double) {
            return doubles(op, ((Number) l).doubleValue(), ((Number) r).doubleValue());
        }
        return longs(op, (Long) l, (Long) r);
    }

    private static Object number(Object v) {
        return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
    }

    private static Object strings(BinaryOperator op, String l, String r) {
        return switch (op) {
            case EQ -> l.equals(r);
            case NE -> !l.equals(r);
            case LT -> l.compareTo(r) < 0;
            case LE -> l.compareTo(r) <= 0;
            case GT -> l.compareTo(r) > 0;
            case GE -> l.compareTo(r) >= 0;
            case CONTAINS -> l.contains(r);
            case STARTSWITH -> l.startsWith(r);
            case ENDSWITH -> l.endsWith(r);
            case ICONTAINS -> lowerAscii(l).contains(lowerAscii(r));
            case ISTARTSWITH -> lowerAscii(l).startsWith(lowerAscii(r));
            case IENDSWITH -> lowerAscii(l).endsWith(lowerAscii(r));
            case IEQUALS -> lowerAscii(l).equals(lowerAscii(r));
            default -> UNDEFINED;
        };
    }

    /** Folds A-Z only, as the C library does in the "C" locale; bytes above 0x7F stay as they are. */
    private static String lowerAscii(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + 32);
            }
        }
        return new String(c);
    }

    private static Object doubles(BinaryOperator op, double l, double r) {
        return switch (op) {
            case EQ -> Math.abs(l - r) < DBL_EPSILON;
            case NE -> Math.abs(l - r) >= DBL_EPSILON;
            case LT -> l < r;
            case LE -> l <= r;
            case GT -> l > r;
            case GE -> l >= r;
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            default -> UNDEFINED;
        };
    }

    private static Object longs(BinaryOperator op, long l, long r) {
        return switch (op) {
            case EQ -> l == r;
            case NE -> l != r;
            case LT -> l < r;
            case LE -> l <= r;
            case GT -> l > r;
            case GE -> l >= r;
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> r == 0 || (l == Long.MIN_VALUE && r == -1) ? UNDEFINED : (Object) (l / r);
            case MOD -> r == 0 || (l == Long.MIN_VALUE && r == -1) ? UNDEFINED : (Object) (l % r);
            case BIT_AND -> l & r;
            case BIT_OR -> l | r;
            case BIT_XOR -> l ^ r;
            case SHL -> r < 0 ? UNDEFINED : (Object) (r >= 64 ? 0L : l << r);
            case SHR -> r < 0 ? UNDEFINED : (Object) (r >= 64 ? 0L : l >> r);
            default -> UNDEFINED;
        };
    }

    // ---- strings

    private int pattern(String id) {
        int local = id.equals("$") ? current : rule.stringNumber(id);
        return rule.patterns[local];
    }

    private Object stringAt(int p, Object offset) {
        if (!(offset instanceof Long at)) {
            return false;
        }
        return hasMatchAt(p, at);
    }

    private boolean hasMatchAt(int p, long at) {
        int n = state.table.count(p);
        int[] offs = state.table.offsets(p);
        int i = java.util.Arrays.binarySearch(offs, 0, n, (int) Math.max(Math.min(at, Integer.MAX_VALUE), -1));
        return i >= 0 && offs[i] == at;
    }

    /** Matches of pattern p starting in [from, to]; with {@code any}, stops at the first. */
    private int countIn(int p, long[] range, boolean any) {
        int n = state.table.count(p);
        int found = 0;
        for (int i = 0; i < n; i++) {
            int o = state.table.offset(p, i);
            if (o > range[1]) {
                break;
            }
            if (o >= range[0]) {
                found++;
                if (any) {
                    break;
                }
            }
        }
        return found;
    }

    private Object nth(int p, Expr index, boolean offset) {
        Object i = index == null ? (Object) 1L : number(eval(index));
        if (!(i instanceof Long k) || k < 1 || k > state.table.count(p)) {
            return UNDEFINED;
        }
        int at = (int) (k - 1);
        return (long) (offset ? state.table.offset(p, at) : state.table.length(p, at));
    }

    /** Both ends of a range, or null when either is undefined. */
    private long[] range(Range r) {
        Object from = number(eval(r.from()));
        Object to = number(eval(r.to()));
        if (!(from instanceof Long f) || !(to instanceof Long t)) {
            return null;
        }
        return new long[] {f, t};
    }

    // ---- quantified expressions

    private Object of(Expr.Of of) {
        int[] members = rule.members(of.set());
        int found = 0;
        if (of.set() instanceof OfSet.Rules) {
            for (int m : members) {
                if (Boolean.TRUE.equals(state.ruleResult(m))) {
                    found++;
                }
            }
        } else if (of.at() != null) {
            Object at = number(eval(of.at()));
            if (!(at instanceof Long where)) {
                return UNDEFINED;
            }
            for (int m : members) {
                if (hasMatchAt(rule.patterns[m], where)) {
                    found++;
                }
            }
        } else if (of.in() != null) {
            long[] range = range(of.in());
            if (range == null) {
                return UNDEFINED;
            }
            for (int m : members) {
                if (countIn(rule.patterns[m], range, true) > 0) {
                    found++;
                }
            }
        } else {
            for (int m : members) {
                if (state.table.count(rule.patterns[m]) > 0) {
                    found++;
                }
            }
        }
        return quantified(of.quantifier(), found, members.length, false);
    }

    private Object forOf(Expr.ForOf f) {
        int[] members = rule.members(f.set());
        int saved = current;
        int found = 0;
        try {
            for (int m : members) {
                current = m;
                if (truth(eval(f.body()))) {
                    found++;
                }
            }
        } finally {
            current = saved;
        }
        return quantified(f.quantifier(), found, members.length, true);
    }

    private Object forIn(Expr.ForIn f) {
        List<Object[]> items = new ArrayList<>();
        Iteration it = f.iteration();
        LongRange ints = null;
        if (it instanceof Iteration.OverRange r) {
            long[] range = range(r.range());
            if (range == null) {
                return false;
            }
            ints = new LongRange(range[0], range[1]);
        } else if (it instanceof Iteration.OverList l) {
            for (Expr item : l.items()) {
                items.add(new Object[] {eval(item)});
            }
        } else {
            Object value = eval(((Iteration.OverValue) it).value());
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    items.add(new Object[] {scalar(v)});
                }
            } else if (value instanceof Map<?, ?> dict) {
                dict.forEach((k, v) -> items.add(new Object[] {k, scalar(v)}));
            } else {
                return false;
            }
        }
        Map<String, Object> scope = new HashMap<>();
        loopScopes.push(scope);
        long total = 0;
        long found = 0;
        try {
            if (ints != null) {
                for (long i = ints.from; i <= ints.to; i++) {
                    scope.put(f.variables().get(0), i);
                    total++;
                    if (truth(eval(f.body()))) {
                        found++;
                    }
                    if (i == Long.MAX_VALUE) {
                        break;
                    }
                }
            } else {
                for (Object[] values : items) {
                    for (int v = 0; v < f.variables().size(); v++) {
                        scope.put(f.variables().get(v), v < values.length ? values[v] : UNDEFINED);
                    }
                    total++;
                    if (truth(eval(f.body()))) {
                        found++;
                    }
                }
            }
        } finally {
            loopScopes.pop();
        }
        return quantified(f.quantifier(), found, total, true);
    }

    private record LongRange(long from, long to) {
    }

    /**
     * Applies a quantifier as libyara 4.2 does. For {@code of}: {@code all} (also a count that is
     * undefined) needs every item, {@code none} and a count of 0 need none, a count needs at
     * least that many, a percentage compares found/total. Loops differ: a loop over nothing is
     * false whatever its quantifier, and a loop quantified {@code none} or 0 holds as soon as it
     * ran (libyara compares the count of true bodies with {@code >= 0}).
     */
    private Object quantified(Quantifier q, long found, long total, boolean loop) {
        if (loop && total == 0) {
            return false;
        }
        long need;
        switch (q.kind()) {
            case ALL:
                return found >= total;
            case ANY:
                need = 1;
                break;
            case NONE:
                need = 0;
                break;
            case PERCENT: {
                Object p = number(eval(q.amount()));
                if (!(p instanceof Number pct) || total == 0) {
                    return loop ? false : UNDEFINED;
                }
                return ((double) found / total) * 100 >= pct.doubleValue();
            }
            default: {
                Object n = number(eval(q.amount()));
                if (n instanceof Long c) {
                    need = c;
                } else if (n instanceof Double d) {
                    need = (long) (double) d;
                } else {
                    return found >= total;
                }
            }
        }
        if (need == 0) {
            return loop || found == 0;
        }
        return found >= need;
    }

    /** A condition string's bytes: one char per byte. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
