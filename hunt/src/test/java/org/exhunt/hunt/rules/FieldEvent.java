package org.exhunt.hunt.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exhunt.sigma.SigmaEvent;

/** An event given as field/value pairs under the docs/fields.md names; lookups ignore case. */
final class FieldEvent implements SigmaEvent {

    private final Map<String, String> fields = new LinkedHashMap<>();

    static FieldEvent of(String... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("field names and values must pair up");
        FieldEvent e = new FieldEvent();
        for (int i = 0; i < keyValues.length; i += 2) e.fields.put(keyValues[i].toLowerCase(Locale.ROOT), keyValues[i + 1]);
        return e;
    }

    @Override
    public Object get(String field) {
        return fields.get(field.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean has(String field) {
        return fields.containsKey(field.toLowerCase(Locale.ROOT));
    }

    @Override
    public Iterable<String> values() {
        return fields.values();
    }

    @Override
    public Instant timestamp() {
        return Instant.parse("2021-03-03T02:10:11Z");
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
