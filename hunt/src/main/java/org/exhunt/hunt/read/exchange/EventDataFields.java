package org.exhunt.hunt.read.exchange;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the {@code EventData} column of ECP logs into its {@code TYPE:KEY=value} pairs, e.g.
 * {@code S:TIME=13;S:CMD=Get-InboxRule;S:URL=/ecp/...;Dbl:WLM.TS=16}.
 *
 * <p>A {@code ;} separates pairs only when a {@code TYPE:KEY=} follows it, because values may
 * hold {@code ;} themselves: the ProxyLogon web shells were written through a
 * {@code Set-OabVirtualDirectory} whose {@code ExternalUrl} was script text full of semicolons.
 * A value may also hold {@code =}; only the first one after the key separates.
 */
final class EventDataFields {

    private EventDataFields() {
    }

    /** Key as written (prefix kept) → value; an empty value is null. */
    static Map<String, String> split(String data) {
        Map<String, String> out = new LinkedHashMap<>();
        if (data == null || data.isEmpty()) return out;
        int i = 0;
        int n = data.length();
        while (i < n) {
            int eq = keyEnd(data, i);
            if (eq < 0) {
                // Not a pair: skip to the next separator that starts one.
                int next = nextPair(data, i);
                if (next < 0) break;
                i = next;
                continue;
            }
            String key = data.substring(i, eq);
            int end = nextPair(data, eq + 1);
            int valueEnd = end < 0 ? n : end - 1;
            if (end < 0 && valueEnd > eq + 1 && data.charAt(valueEnd - 1) == ';') valueEnd--;
            String value = data.substring(eq + 1, Math.max(eq + 1, valueEnd));
            out.putIfAbsent(key, value.isEmpty() ? null : value);
            if (end < 0) break;
            i = end;
        }
        return out;
    }

    /** Lower-cased keys, for case-insensitive lookup. */
    static Map<String, String> lowerKeys(Map<String, String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** Index just past the {@code ;} that precedes the next {@code TYPE:KEY=} at or after {@code from}, or -1. */
    private static int nextPair(String s, int from) {
        int i = from;
        while (true) {
            int semi = s.indexOf(';', i);
            if (semi < 0) return -1;
            if (keyEnd(s, semi + 1) >= 0) return semi + 1;
            i = semi + 1;
        }
    }

    /** If a {@code TYPE:KEY=} starts at {@code i}, the index of its {@code =}; else -1. */
    private static int keyEnd(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && j - i < 16 && Character.isLetterOrDigit(s.charAt(j))) j++;
        if (j == i || j >= n || s.charAt(j) != ':') return -1;
        j++;
        int nameStart = j;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '=') return j > nameStart ? j : -1;
            if (c == ';' || c == ' ' || c == '\'' || c == '"' || c == '<' || c == '>') return -1;
            j++;
        }
        return -1;
    }
}
