package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one rule value into its alternatives (usually one; several after base64offset, expand
 * or windash before an encoding) by applying the modifiers in the order the rule gives them.
 */
final class ValueCompiler {
    private final ModifierChain chain;
    private final ValueContext ctx;
    private final boolean keyword;

    ValueCompiler(ModifierChain chain, ValueContext ctx, boolean keyword) {
        this.chain = chain;
        this.ctx = ctx;
        this.keyword = keyword;
    }

    List<ValueMatcher> compile(Object value) throws ValueException {
        Modifier kind = chain.kind;
        if (value == null) {
            if (kind != null || chain.shapesStrings() || chain.cased) {
                throw new ValueException("the value null cannot take modifier '"
                        + (kind != null ? kind.ruleName() : firstShaping()) + "'; null means 'absent or empty'");
            }
            return List.of(SpecialValues.NULL);
        }
        if (value instanceof List || value instanceof java.util.Map) {
            throw new ValueException("a value must be a string, number, boolean or null, not a nested "
                    + (value instanceof List ? "list" : "map") + ": " + value);
        }
        if (kind == null) {
            return compileStringKind(value);
        }
        switch (kind) {
            case EXISTS:
                return List.of(SpecialValues.exists(booleanValue(value)));
            case CIDR:
                return List.of(CidrMatcher.parse(text(value, "cidr")));
            case RE:
                return List.of(RegexMatcher.compile(text(value, "re"), chain.has(Modifier.RE_IGNORECASE),
                        chain.has(Modifier.RE_MULTILINE), chain.has(Modifier.RE_DOTALL)));
            case FIELDREF:
                return List.of(fieldRef(value));
            default:
                break;
        }
        if (kind.isComparison()) {
            return List.of(NumericMatchers.compare(NumericMatchers.Op.of(kind), value,
                    Numbers.ruleNumber(value, kind.ruleName())));
        }
        return List.of(TimePartMatcher.of(kind, value));
    }

    private List<ValueMatcher> compileStringKind(Object value) throws ValueException {
        if (!chain.shapesStrings() && !keyword) {
            if (value instanceof Boolean b) {
                return List.of(SpecialValues.bool(b));
            }
            if (value instanceof Number n) {
                return List.of(NumericMatchers.compare(NumericMatchers.Op.EQ, n, n.doubleValue()));
            }
        }
        String raw = String.valueOf(value);
        List<SigmaString> alts = new ArrayList<>();
        alts.add(SigmaString.parse(raw, chain.has(Modifier.EXPAND)));
        boolean bytes = false;
        boolean windash = false;
        List<Modifier> order = chain.order;
        for (int i = 0; i < order.size(); i++) {
            Modifier m = order.get(i);
            List<SigmaString> next = new ArrayList<>();
            switch (m) {
                case CONTAINS -> alts.forEach(s -> next.add(s.withLeadingAny().withTrailingAny()));
                case STARTSWITH -> alts.forEach(s -> next.add(s.withTrailingAny()));
                case ENDSWITH -> alts.forEach(s -> next.add(s.withLeadingAny()));
                case WINDASH -> {
                    if (chain.encodingAfter(i)) {
                        for (SigmaString s : alts) {
                            next.addAll(WindowsDash.permutations(s));
                        }
                    } else {
                        windash = true;
                        next.addAll(alts);
                    }
                }
                case EXPAND -> {
                    for (SigmaString s : alts) {
                        next.addAll(Placeholders.expand(s, ctx));
                    }
                }
                case UTF16LE, UTF16BE, UTF16 -> {
                    alts.forEach(s -> next.add(Encodings.utf16(s, m)));
                    bytes = true;
                }
                case BASE64 -> {
                    for (SigmaString s : alts) {
                        next.add(Encodings.base64(s, bytes));
                    }
                    bytes = false;
                }
                case BASE64OFFSET -> {
                    for (SigmaString s : alts) {
                        next.addAll(Encodings.base64Offsets(s, bytes));
                    }
                    bytes = false;
                }
                default -> next.addAll(alts); // all, neq, cased: flags of the whole item
            }
            alts = next;
        }
        if (keyword && !chain.has(Modifier.CONTAINS) && !chain.has(Modifier.STARTSWITH) && !chain.has(Modifier.ENDSWITH)) {
            // a keyword is a search term applied to the whole log message, so it may occur
            // anywhere inside a value rather than equal it
            alts.replaceAll(s -> s.withLeadingAny().withTrailingAny());
        }
        CharFold fold = CharFold.of(chain.cased, windash);
        List<ValueMatcher> out = new ArrayList<>(alts.size());
        for (SigmaString s : alts) {
            out.add(new TextValueMatcher(TextMatcher.compile(s, fold)));
        }
        return out;
    }

    private ValueMatcher fieldRef(Object value) throws ValueException {
        SigmaString ref = SigmaString.parse(text(value, "fieldref"), false);
        if (ref.hasWildcards()) {
            throw new ValueException("'fieldref' names a field and must not contain wildcards: '" + value + "'");
        }
        String name = ref.plainText();
        if (name.isEmpty()) {
            throw new ValueException("'fieldref' needs the name of a field, not an empty value");
        }
        String mapped = ctx.mapField(name);
        boolean contains = chain.has(Modifier.CONTAINS);
        return new FieldRefMatcher(mapped == null ? name : mapped,
                contains || chain.has(Modifier.STARTSWITH), contains || chain.has(Modifier.ENDSWITH), chain.cased);
    }

    private static String text(Object value, String modifier) throws ValueException {
        if (value instanceof Boolean) {
            throw new ValueException("modifier '" + modifier + "' needs a string, not the boolean " + value);
        }
        return String.valueOf(value);
    }

    private static boolean booleanValue(Object value) throws ValueException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ValueException("modifier 'exists' needs true or false, not '" + value + "'");
    }

    private String firstShaping() {
        for (Modifier m : chain.order) {
            if (m != Modifier.ALL && m != Modifier.NEQ) {
                return m.ruleName();
            }
        }
        return "";
    }
}
