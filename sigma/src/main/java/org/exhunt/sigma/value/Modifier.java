package org.exhunt.sigma.value;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The value modifiers of Sigma 2.1 (plus pySigma's long names for the regex flags). */
enum Modifier {
    CONTAINS("contains"), STARTSWITH("startswith"), ENDSWITH("endswith"),
    ALL("all"), NEQ("neq"), CASED("cased"), EXISTS("exists"), WINDASH("windash"), EXPAND("expand"),
    RE("re"), RE_IGNORECASE("i", "ignorecase"), RE_MULTILINE("m", "multiline"), RE_DOTALL("s", "dotall"),
    BASE64("base64"), BASE64OFFSET("base64offset"),
    UTF16LE("utf16le", "wide"), UTF16BE("utf16be"), UTF16("utf16"),
    LT("lt"), LTE("lte"), GT("gt"), GTE("gte"),
    MINUTE("minute"), HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), YEAR("year"),
    CIDR("cidr"), FIELDREF("fieldref");

    private static final Map<String, Modifier> BY_NAME = new HashMap<>();

    static {
        for (Modifier m : values()) {
            for (String n : m.names) {
                BY_NAME.put(n, m);
            }
        }
    }

    private final String[] names;

    Modifier(String... names) {
        this.names = names;
    }

    /** The name a rule author writes. */
    String ruleName() {
        return names[0];
    }

    boolean isRegexFlag() {
        return this == RE_IGNORECASE || this == RE_MULTILINE || this == RE_DOTALL;
    }

    boolean isPlacement() {
        return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
    }

    boolean isUtf16() {
        return this == UTF16LE || this == UTF16BE || this == UTF16;
    }

    boolean isBase64() {
        return this == BASE64 || this == BASE64OFFSET;
    }

    boolean isComparison() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    boolean isTimePart() {
        return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
    }

    /** Looks a modifier up by the name a rule gives, suggesting the nearest known one on a typo. */
    static Modifier named(String name) throws ValueException {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Modifier known = BY_NAME.get(wanted);
        if (known != null) {
            return known;
        }
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (Modifier m : values()) {
            for (String n : m.names) {
                int d = editDistance(n, wanted);
                if (d < nearestDistance) {
                    nearestDistance = d;
                    nearest = n;
                }
            }
        }
        String hint = nearestDistance <= 2 && wanted.length() > 2 ? " (did you mean '" + nearest + "'?)" : "";
        throw new ValueException("unknown modifier '" + name + "'" + hint);
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
