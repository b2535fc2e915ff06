package org.exhunt.sigma;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A hand-built event for tests: fields looked up case-insensitively, as {@link SigmaEvent} requires. */
final class MapEvent implements SigmaEvent {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private Instant time;

    static MapEvent of(Object... keyValues) {
        MapEvent e = new MapEvent();
        for (int i = 0; i < keyValues.length; i += 2) {
            e.put((String) keyValues[i], keyValues[i + 1]);
        }
        return e;
    }

    MapEvent put(String field, Object value) {
        String key = field.toLowerCase(Locale.ROOT);
        names.put(key, field);
        fields.put(key, value instanceof String s && s.isEmpty() ? null : value);
        return this;
    }

    MapEvent at(Instant when) {
        this.time = when;
        return this;
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
        List<String> out = new ArrayList<>();
        for (Object v : fields.values()) {
            if (v instanceof List<?> list) {
                list.forEach(o -> out.add(String.valueOf(o)));
            } else if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }

    @Override
    public Instant timestamp() {
        return time;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        fields.forEach((k, v) -> shown.put(names.get(k), v));
        return shown.toString();
    }
}
