package org.exhunt.hunt.event;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable event: a snapshot of fields that stays valid after the reader moved on. Readers
 * return one from {@link LogEvent#retain()}; tests and other sources can build one directly.
 */
public final class RetainedEvent implements LogEvent {

    private final SourceKind kind;
    private final SourceRef source;
    private final Instant timestamp;
    private final Map<String, Object> fields;
    private final Map<String, Object> byLowerName;
    private final List<String> values;

    /**
     * @param fields every field by name (native and taxonomy names), values as {@link LogEvent#get}
     *               returns them; iteration order is kept
     * @param values the texts a keyword search sees (the native values, each once)
     */
    public RetainedEvent(SourceKind kind, SourceRef source, Instant timestamp, Map<String, Object> fields,
            List<String> values) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = Objects.requireNonNull(source, "source");
        this.timestamp = timestamp;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<String, Object> lower = new HashMap<>(fields.size() * 2);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            lower.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        this.byLowerName = lower;
        this.values = List.copyOf(values);
    }

    /** An event from name/value pairs ({@code "c-ip", "203.0.113.7", ...}), each value also a keyword text. */
    public static RetainedEvent ofPairs(SourceKind kind, SourceRef source, Instant timestamp, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("field names and values must pair up");
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
            if (namesAndValues[i + 1] != null) values.add(namesAndValues[i + 1]);
        }
        return new RetainedEvent(kind, source, timestamp, fields, values);
    }

    @Override
    public Object get(String field) {
        return byLowerName.get(field.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean has(String field) {
        return byLowerName.containsKey(field.toLowerCase(Locale.ROOT));
    }

    @Override
    public Iterable<String> values() {
        return values;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public SourceRef source() {
        return source;
    }

    @Override
    public SourceKind kind() {
        return kind;
    }

    @Override
    public LogEvent retain() {
        return this;
    }

    /** Every field by name, in the order the reader offered them. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return kind.id() + " " + source + " " + fields;
    }
}
