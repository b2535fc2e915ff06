package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The modifiers of one detection item, parsed and checked against the combination rules of the
 * specification (and pySigma, its reference implementation) before any value is compiled.
 *
 * <p>Each item has at most one <em>kind</em> that decides how values are read: {@code re},
 * {@code cidr}, {@code exists}, {@code fieldref}, a numeric comparison or a time part; without
 * one, values are strings (or plain numbers, booleans, null). {@code all}, {@code neq} and
 * {@code cased} are flags on the whole item.
 */
final class ModifierChain {
    private static final Set<Modifier> STRING_SHAPING = EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH,
            Modifier.ENDSWITH, Modifier.WINDASH, Modifier.EXPAND, Modifier.BASE64, Modifier.BASE64OFFSET,
            Modifier.UTF16LE, Modifier.UTF16BE, Modifier.UTF16);

    final List<Modifier> order;
    final Modifier kind; // null for string values
    final boolean all;
    final boolean negated;
    final boolean cased;

    private final Map<Modifier, String> written = new EnumMap<>(Modifier.class);

    private ModifierChain(List<Modifier> order, Modifier kind) {
        this.order = order;
        this.kind = kind;
        this.all = order.contains(Modifier.ALL);
        this.negated = order.contains(Modifier.NEQ);
        this.cased = order.contains(Modifier.CASED);
    }

    boolean has(Modifier m) {
        return order.contains(m);
    }

    /** Whether some modifier turns the value into a string pattern (so numbers become text). */
    boolean shapesStrings() {
        for (Modifier m : order) {
            if (STRING_SHAPING.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an encoding modifier comes after position {@code index}. */
    boolean encodingAfter(int index) {
        for (int i = index + 1; i < order.size(); i++) {
            if (order.get(i).isUtf16() || order.get(i).isBase64()) {
                return true;
            }
        }
        return false;
    }

    static ModifierChain parse(List<String> names, boolean keyword) throws ValueException {
        List<Modifier> order = new ArrayList<>();
        for (String n : names) {
            Modifier m = Modifier.named(n);
            if (order.contains(m)) {
                throw new ValueException("modifier '" + m.ruleName() + "' is given twice in '" + chain(names) + "'");
            }
            order.add(m);
        }
        Modifier kind = null;
        for (Modifier m : order) {
            if (isKind(m)) {
                if (kind != null) {
                    throw new ValueException("modifiers '" + kind.ruleName() + "' and '" + m.ruleName()
                            + "' cannot be combined (in '" + chain(names) + "')");
                }
                kind = m;
            }
        }
        ModifierChain c = new ModifierChain(List.copyOf(order), kind);
        for (int i = 0; i < order.size(); i++) {
            c.written.put(order.get(i), names.get(i).trim());
        }
        c.check(names, keyword);
        return c;
    }

    private static boolean isKind(Modifier m) {
        return m == Modifier.RE || m == Modifier.CIDR || m == Modifier.EXISTS || m == Modifier.FIELDREF
                || m.isComparison() || m.isTimePart();
    }

    private void check(List<String> names, boolean keyword) throws ValueException {
        String where = " (in '" + chain(names) + "')";
        if (kind != null) {
            for (Modifier before : order.subList(0, order.indexOf(kind))) {
                if (before != Modifier.ALL && before != Modifier.NEQ) {
                    throw new ValueException("modifier '" + written(kind) + "' must come before '"
                            + written(before) + "'" + where);
                }
            }
        }
        if (keyword && (kind == Modifier.EXISTS || kind == Modifier.FIELDREF)) {
            throw new ValueException("modifier '" + written(kind) + "' needs a field; keywords have none");
        }
        for (int i = 0; i < order.size(); i++) {
            Modifier m = order.get(i);
            if (m == kind || m == Modifier.ALL || m == Modifier.NEQ) {
                continue;
            }
            if (m.isRegexFlag()) {
                if (kind != Modifier.RE) {
                    throw new ValueException("modifier '" + written(m) + "' is a regular expression flag and needs 're' before it" + where);
                }
                continue;
            }
            if (!allowedWith(m)) {
                throw new ValueException("modifier '" + written(m) + "' cannot be combined with '"
                        + written(kind) + "'" + where);
            }
            if (m.isBase64() || m.isUtf16()) {
                checkEncodingOrder(i, where);
            }
        }
    }

    /** Which modifiers may accompany the item's kind (flags all/neq go with everything). */
    private boolean allowedWith(Modifier m) {
        if (kind == null) {
            return true;
        }
        return switch (kind) {
            case RE -> m.isPlacement();
            case FIELDREF -> m.isPlacement() || m == Modifier.CASED;
            default -> false;
        };
    }

    private void checkEncodingOrder(int index, String where) throws ValueException {
        Modifier m = order.get(index);
        for (int j = 0; j < index; j++) {
            Modifier before = order.get(j);
            if (m.isBase64() && before.isPlacement()) {
                throw new ValueException("'" + written(before) + "' adds wildcards that '" + written(m)
                        + "' cannot encode; write '" + written(m) + "|" + written(before) + "'" + where);
            }
            if (m.isBase64() && before.isBase64() || m.isUtf16() && before.isUtf16()) {
                throw new ValueException("modifiers '" + written(before) + "' and '" + written(m)
                        + "' cannot be combined" + where);
            }
            if (m.isUtf16() && before.isBase64()) {
                throw new ValueException("'" + written(m) + "' must come before '" + written(before)
                        + "', which encodes its bytes" + where);
            }
            if (before == Modifier.EXPAND) {
                throw new ValueException("'expand' cannot be combined with '" + written(m) + "'" + where);
            }
        }
        for (int j = index + 1; j < order.size(); j++) {
            if (order.get(j) == Modifier.EXPAND) {
                throw new ValueException("'expand' cannot be combined with '" + written(m) + "'" + where);
            }
        }
    }

    /** The modifier's name as the rule wrote it (e.g. 'wide' rather than 'utf16le'). */
    String written(Modifier m) {
        return written.getOrDefault(m, m.ruleName());
    }

    static String chain(List<String> names) {
        return String.join("|", names);
    }
}
