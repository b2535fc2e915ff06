package org.exhunt.hunt.scan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.sigma.Logsource;

/**
 * An event that notes every field asked of it. The correlator reads a match's group-by and value
 * fields when it takes the match; asking it through this view learns exactly which fields a held
 * match must carry, without knowing the correlations' plans.
 */
final class RecordingEvent implements LogEvent {

    /** A correlation finding names its first event's actor: these travel with every held match. */
    private static final List<String> ACTOR_FIELDS = List.of("c-ip", "cs-username", "cs-user-agent");

    private final LogEvent event;
    private final Map<String, Object> asked = new LinkedHashMap<>();

    RecordingEvent(LogEvent event) {
        this.event = event;
    }

    @Override
    public Object get(String field) {
        Object value = event.get(field);
        asked.putIfAbsent(field, value);
        return value;
    }

    @Override
    public boolean has(String field) {
        return event.has(field);
    }

    @Override
    public Iterable<String> values() {
        return event.values();
    }

    @Override
    public Instant timestamp() {
        return event.timestamp();
    }

    @Override
    public SourceRef source() {
        return event.source();
    }

    @Override
    public SourceKind kind() {
        return event.kind();
    }

    @Override
    public Logsource logsource() {
        return event.logsource();
    }

    @Override
    public LogEvent retain() {
        return this;
    }

    /** The fields asked so far and the actor fields, as an event that needs nothing else. */
    RetainedEvent snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>(asked);
        for (String name : ACTOR_FIELDS) {
            if (!fields.containsKey(name)) fields.put(name, event.get(name));
        }
        fields.values().removeIf(v -> v == null);
        return new RetainedEvent(event.kind(), event.source(), event.timestamp(), fields, List.of());
    }
}
