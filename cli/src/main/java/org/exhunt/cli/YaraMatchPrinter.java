package org.exhunt.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.yara.MatchedString;
import org.exhunt.yara.YaraMatch;
import org.exhunt.yara.syntax.Meta;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;

/**
 * Writes rule results in the {@code yara} command's exact layout, so scripts reading yara's output
 * read ours: {@code [namespace:]RULE [tags] [meta] PATH}, then with strings one
 * {@code 0xOFFSET[:LENGTH]:$id[: data]} line per match.
 */
final class YaraMatchPrinter {

    /** yara prints at most this many bytes of a hex string's match, then " ...". */
    private static final int HEX_SHOWN = 64;

    record Layout(boolean tags, boolean meta, boolean strings, boolean lengths, boolean namespace) {
    }

    private final Layout layout;
    private final Set<String> onlyTags;
    private final Set<String> onlyRules;
    // Hex strings print their bytes as hex pairs; every other kind prints as escaped text.
    private final Map<String, Set<String>> hexStringIds = new HashMap<>();
    private final Map<String, String> namespaces;
    private final Map<String, Map<String, Long>> fixedOffsets = new HashMap<>();

    YaraMatchPrinter(Layout layout, List<String> onlyTags, List<String> onlyRules, List<Rule> rules,
                     Map<String, String> namespaces) {
        this.layout = layout;
        this.onlyTags = Set.copyOf(onlyTags);
        this.onlyRules = Set.copyOf(onlyRules);
        this.namespaces = Map.copyOf(namespaces);
        for (Rule r : rules) {
            for (StringDef s : r.strings()) {
                if (s instanceof StringDef.Hex) {
                    hexStringIds.computeIfAbsent(r.name(), k -> new HashSet<>()).add(s.id());
                }
            }
            Map<String, Long> fixed = YaraFixedOffsets.of(r);
            if (!fixed.isEmpty()) {
                fixedOffsets.put(r.name(), fixed);
            }
        }
    }

    /** Whether -t and -i let this rule through (yara applies -i after -t, so -i alone decides when given). */
    boolean shown(YaraMatch m) {
        boolean show = true;
        if (!onlyTags.isEmpty()) {
            show = m.tags().stream().anyMatch(onlyTags::contains);
        }
        if (!onlyRules.isEmpty()) {
            show = onlyRules.contains(m.rule());
        }
        return show;
    }

    void append(StringBuilder out, YaraMatch m, String path) {
        if (layout.namespace()) {
            out.append(namespaces.getOrDefault(m.rule(), "default")).append(':');
        }
        out.append(m.rule()).append(' ');
        if (layout.tags()) {
            out.append('[').append(String.join(",", m.tags())).append("] ");
        }
        if (layout.meta()) {
            appendMeta(out, m.meta());
        }
        out.append(path).append('\n');
        if (layout.strings() || layout.lengths()) {
            Set<String> hex = hexStringIds.getOrDefault(m.rule(), Set.of());
            Map<String, Long> fixed = fixedOffsets.getOrDefault(m.rule(), Map.of());
            for (MatchedString s : m.strings()) {
                Long only = fixed.get(s.id());
                if (only == null || only == s.offset()) {
                    appendString(out, s, hex.contains(s.id()));
                }
            }
        }
    }

    private void appendString(StringBuilder out, MatchedString s, boolean hex) {
        byte[] data = s.data();
        out.append("0x").append(Long.toHexString(s.offset()));
        if (layout.lengths()) {
            // yara shows the length of the bytes it kept, which stops at 512
            out.append(':').append(data.length);
        }
        out.append(':').append(s.id());
        if (layout.strings()) {
            out.append(": ");
            if (hex) {
                appendHexBytes(out, data);
            } else {
                appendEscapedData(out, data);
            }
        }
        out.append('\n');
    }

    private static void appendMeta(StringBuilder out, List<Meta> meta) {
        out.append('[');
        for (int i = 0; i < meta.size(); i++) {
            Meta m = meta.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (m.value() instanceof Long n) {
                // yara 4.2.3 writes "key =N" for integers (a space before '='), unlike the other types
                out.append(m.key()).append(" =").append(n);
            } else if (m.value() instanceof Boolean b) {
                out.append(m.key()).append('=').append(b);
            } else {
                out.append(m.key()).append("=\"");
                appendEscapedMeta(out, (String) m.value());
                out.append('"');
            }
        }
        out.append("] ");
    }

    private static void appendHexBytes(StringBuilder out, byte[] data) {
        int shown = Math.min(HEX_SHOWN, data.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append(' ');
            }
            appendHexPair(out, data[i] & 0xff);
        }
        if (data.length > HEX_SHOWN) {
            out.append(" ...");
        }
    }

    /** Matched text: printable ASCII as is, every other byte as \xHH (upper case). */
    static void appendEscapedData(StringBuilder out, byte[] data) {
        for (byte b : data) {
            int c = b & 0xff;
            if (c >= 32 && c <= 126) {
                out.append((char) c);
            } else {
                out.append("\\x");
                appendHexPair(out, c);
            }
        }
    }

    /**
     * Metadata text as C escapes it: quotes and backslash escaped, \a \b \t \n \v \f \r by name,
     * other control and non-ASCII bytes as three octal digits; the text ends at its first NUL, as a
     * C string does. The value holds one char per byte.
     */
    static void appendEscapedMeta(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            int c = value.charAt(i) & 0xff;
            if (c == 0) {
                return;
            }
            switch (c) {
                case '"', '\'', '\\' -> out.append('\\').append((char) c);
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 9 -> out.append("\\t");
                case 10 -> out.append("\\n");
                case 11 -> out.append("\\v");
                case 12 -> out.append("\\f");
                case 13 -> out.append("\\r");
                default -> {
                    if (c >= 32 && c < 127) {
                        out.append((char) c);
                    } else {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    }
                }
            }
        }
    }

    private static void appendHexPair(StringBuilder out, int c) {
        out.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
    }
}
