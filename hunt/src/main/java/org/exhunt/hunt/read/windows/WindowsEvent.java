package org.exhunt.hunt.read.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.sigma.Logsource;

/**
 * One Windows event as a flat set of fields named the way SigmaHQ's Windows rules name them (see
 * docs/fields.md, "Windows events"), with the logsource its channel and event ID stand for.
 *
 * <p>A reader refills one instance per event through {@link WindowsEventBuilder}; {@link #retain()}
 * gives a frozen copy.
 */
public final class WindowsEvent implements LogEvent {

    private final SourceKind kind;
    private final FieldTable fields;
    private final boolean frozen;
    private SourceRef source;
    private Instant timestamp;
    private Logsource logsource;
    /** Keyword texts, gathered on the first {@link #values()} call of each event. */
    private List<String> keywords;

    WindowsEvent(SourceKind kind) {
        this(kind, new FieldTable(), false);
    }

    private WindowsEvent(SourceKind kind, FieldTable fields, boolean frozen) {
        this.kind = kind;
        this.fields = fields;
        this.frozen = frozen;
    }

    FieldTable table() {
        return fields;
    }

    void reset() {
        fields.clear();
        source = null;
        timestamp = null;
        logsource = null;
        keywords = null;
    }

    void complete(SourceRef source, Instant timestamp, Logsource logsource) {
        this.source = source;
        this.timestamp = timestamp;
        this.logsource = logsource;
    }

    @Override
    public Object get(String field) {
        int i = fields.indexOf(field);
        return i < 0 ? null : fields.value(i);
    }

    @Override
    public Object get(String field, int nameHash) {
        int i = fields.indexOf(field, nameHash);
        return i < 0 ? null : fields.value(i);
    }

    @Override
    public boolean has(String field) {
        return fields.indexOf(field) >= 0;
    }

    /** The values of System, EventData and UserData fields (each list item on its own), not export metadata. */
    @Override
    public Iterable<String> values() {
        List<String> k = keywords;
        if (k == null) {
            k = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.isKeyword(i)) continue;
                Object v = fields.value(i);
                if (v instanceof List<?> list) {
                    for (Object o : list) {
                        if (o != null) k.add(o.toString());
                    }
                } else if (v != null) {
                    k.add(v.toString());
                }
            }
            keywords = k;
        }
        return k;
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
    public Logsource logsource() {
        return logsource;
    }

    @Override
    public LogEvent retain() {
        if (frozen) return this;
        // a kept event may be read from any thread: no per-thread name memory
        WindowsEvent kept = new WindowsEvent(kind, fields.frozenCopy(), true);
        kept.complete(source, timestamp, logsource);
        return kept;
    }

    /** Every field by name, in the order the event was built. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) out.put(fields.name(i), fields.value(i));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return kind.id() + " " + source + " " + logsource + " " + fields();
    }
}
