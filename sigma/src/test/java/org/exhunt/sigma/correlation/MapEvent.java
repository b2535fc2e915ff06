package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.exhunt.sigma.SigmaEvent;

/** A test event: a time and some fields, looked up case-insensitively like real events. */
final class MapEvent implements SigmaEvent {

    private final Instant time;
    private final Map<String, Object> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    MapEvent(Instant time, Map<String, Object> fields) {
        this.time = time;
        this.fields.putAll(fields);
    }

    @Override
    public Object get(String field) {
        return fields.get(field);
    }

    @Override
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    @Override
    public Iterable<String> values() {
        List<String> values = new ArrayList<>();
        fields.values().forEach(v -> values.add(String.valueOf(v)));
        return values;
    }

    @Override
    public Instant timestamp() {
        return time;
    }

    @Override
    public String toString() {
        return time + " " + fields.toString().toLowerCase(Locale.ROOT);
    }
}
