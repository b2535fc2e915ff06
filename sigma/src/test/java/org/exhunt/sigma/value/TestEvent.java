package org.exhunt.sigma.value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.sigma.SigmaEvent;

/** A hand-built event for tests: fields by name (case-insensitive), "" stored as present-but-empty. */
final class TestEvent implements SigmaEvent {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    static TestEvent of(Object... nameValuePairs) {
        TestEvent e = new TestEvent();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            e.fields.put(((String) nameValuePairs[i]).toLowerCase(Locale.ROOT), nameValuePairs[i + 1]);
        }
        return e;
    }

    @Override
    public Object get(String field) {
        Object v = fields.get(field.toLowerCase(Locale.ROOT));
        return v instanceof String s && s.isEmpty() ? null : v;
    }

    @Override
    public boolean has(String field) {
        return fields.containsKey(field.toLowerCase(Locale.ROOT));
    }

    @Override
    public Iterable<String> values() {
        List<String> out = new ArrayList<>();
        for (Object v : fields.values()) {
            if (v instanceof List<?> l) {
                l.forEach(x -> out.add(String.valueOf(x)));
            } else if (v != null) {
                out.add(String.valueOf(v));
            }
        }
        return out;
    }

    @Override
    public Instant timestamp() {
        return null;
    }
}
