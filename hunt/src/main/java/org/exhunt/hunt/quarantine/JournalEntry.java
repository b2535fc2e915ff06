package org.exhunt.hunt.quarantine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step recorded in the journal: what ({@code op}) and on what (text fields such as
 * {@code path}, {@code sha256}, {@code tmp}). The operations are named in {@link Journal}.
 */
record JournalEntry(String op, Map<String, String> fields) {

    JournalEntry {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static JournalEntry of(String op, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values come in pairs");
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) f.put(namesAndValues[i], namesAndValues[i + 1]);
        return new JournalEntry(op, f);
    }

    String get(String name) {
        return fields.get(name);
    }
}
