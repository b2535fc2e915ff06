package org.exhunt.hunt.read.w3c;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one {@code #Fields:} block: native names, the taxonomy names bound to them,
 * and the derived fields they make possible (see docs/fields.md).
 */
final class W3cHeader {

    static final String URI = "cs-uri";
    static final String STEM_DECODED = "cs-uri-stem-decoded";
    static final String QUERY_DECODED = "cs-uri-query-decoded";

    final String[] names;
    /** Lower-cased native and taxonomy name → column. */
    private final Map<String, Integer> columns;
    final int date;
    final int time;
    final int stem;
    final int query;
    final int userAgent;
    private final List<String> allNames;

    private W3cHeader(String[] names) {
        this.names = names;
        Map<String, Integer> map = new HashMap<>();
        List<String> all = new ArrayList<>();
        Collections.addAll(all, names);
        for (int i = 0; i < names.length; i++) {
            map.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        for (int i = 0; i < names.length; i++) {
            String taxonomy = taxonomyName(names[i]);
            if (taxonomy != null && map.putIfAbsent(taxonomy, i) == null) all.add(taxonomy);
        }
        this.columns = map;
        this.date = col("date");
        this.time = col("time");
        this.stem = col("cs-uri-stem");
        this.query = col("cs-uri-query");
        this.userAgent = col("cs(user-agent)");
        if (stem >= 0) {
            if (!map.containsKey(URI)) all.add(URI);
            all.add(STEM_DECODED);
        }
        if (query >= 0) all.add(QUERY_DECODED);
        this.allNames = List.copyOf(all);
    }

    /** Parses the text after {@code #Fields:}; names are separated by spaces. */
    static W3cHeader parse(String fieldsText) {
        String[] names = fieldsText.trim().split("[ \t]+");
        if (names.length == 1 && names[0].isEmpty()) names = new String[0];
        return new W3cHeader(names);
    }

    /** W3C writes request/response headers as {@code cs(Name)}; the taxonomy as {@code cs-name}. */
    private static String taxonomyName(String nativeName) {
        int open = nativeName.indexOf('(');
        if (open > 0 && nativeName.endsWith(")")) {
            return (nativeName.substring(0, open) + "-" + nativeName.substring(open + 1, nativeName.length() - 1))
                    .toLowerCase(Locale.ROOT);
        }
        return null;
    }

    int col(String lowerName) {
        Integer i = columns.get(lowerName);
        return i == null ? -1 : i;
    }

    boolean derived(String lowerName) {
        return switch (lowerName) {
            case URI -> stem >= 0;
            case STEM_DECODED -> stem >= 0;
            case QUERY_DECODED -> query >= 0;
            default -> false;
        };
    }

    int size() {
        return names.length;
    }

    List<String> allNames() {
        return allNames;
    }
}
