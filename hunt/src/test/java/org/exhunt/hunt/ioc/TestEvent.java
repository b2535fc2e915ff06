package org.exhunt.hunt.ioc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;

/** A web log event built field by field, keyed by the docs/fields.md names. */
final class TestEvent implements LogEvent {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final SourceRef source = SourceRef.ofLine("u_ex210303.log", 42, 4096);
    private final Instant time = Instant.parse("2021-03-03T02:10:11Z");

    static TestEvent of(String... keyValues) {
        TestEvent e = new TestEvent();
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
        return time;
    }

    @Override
    public SourceRef source() {
        return source;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.IIS_W3C;
    }

    @Override
    public LogEvent retain() {
        return this;
    }
}
