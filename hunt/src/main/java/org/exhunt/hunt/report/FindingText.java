package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;

/**
 * Questions the remediation asks of a finding's words: its rule's title and tags and the values
 * it matched. Asked of words rather than of rule ids so that community rules which find the same
 * thing call for the same step.
 */
final class FindingText {

    private FindingText() {
    }

    /** Whether the rule's title or any matched value holds one of the words, ignoring case. */
    static boolean mentions(Finding finding, String... words) {
        String title = lower(finding.rule().title());
        for (String word : words) {
            String w = lower(word);
            if (title.contains(w)) return true;
            for (String value : values(finding)) {
                if (lower(value).contains(w)) return true;
            }
        }
        return false;
    }

    /** Whether the rule carries the tag, or a tag below it ({@code attack.t1003} covers {@code attack.t1003.001}). */
    static boolean tagged(Finding finding, String tag) {
        String wanted = lower(tag);
        for (String t : finding.rule().tags()) {
            String have = lower(t);
            if (have.equals(wanted) || have.startsWith(wanted + ".")) return true;
        }
        return false;
    }

    /** The matched values as text, lists and maps flattened; nulls left out. */
    static List<String> values(Finding finding) {
        List<String> out = new ArrayList<>();
        for (Object value : finding.matched().values()) flatten(value, out);
        return out;
    }

    /** The first matched value whose field name is one of the names, ignoring case; {@code null} if none. */
    static String field(Finding finding, String... names) {
        for (Map.Entry<String, Object> e : finding.matched().entrySet()) {
            for (String name : names) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                    return DisplayValue.of(e.getValue());
                }
            }
        }
        return null;
    }

    private static void flatten(Object value, List<String> out) {
        if (value == null) return;
        if (value instanceof Collection<?> items) {
            items.forEach(item -> flatten(item, out));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> flatten(item, out));
        } else {
            out.add(DisplayValue.of(value));
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
