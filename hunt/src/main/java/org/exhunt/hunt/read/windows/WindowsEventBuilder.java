package org.exhunt.hunt.read.windows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;

/**
 * Builds flat Windows events from the parts of a Windows event record, for any source of them
 * (JSON exports here, EVTX records from an EVTX adapter). One builder serves one reader thread and
 * refills the same event object each time:
 *
 * <pre>{@code
 * WindowsEventBuilder b = new WindowsEventBuilder(SourceKind.WINDOWS_JSON, WindowsLogsources.builtIn());
 * LogEvent e = b.begin()
 *         .system("EventID", 4688L).system("Channel", "Security")
 *         .systemAttribute("TimeCreated", "SystemTime", "2021-03-03T05:12:44.123Z")
 *         .data("NewProcessName", "C:\\Windows\\System32\\cmd.exe")
 *         .finish(new SourceRef(path, -1, recordNumber, offset));
 * sink.accept(e);   // valid until the next begin(); e.retain() keeps a copy
 * }</pre>
 *
 * <p>Names follow SigmaHQ's Windows rules: System children by element name ({@code EventID},
 * {@code Channel}, {@code Computer}), System attributes as {@code Element_Attribute}
 * ({@code Provider_Name}, {@code TimeCreated_SystemTime}), EventData and UserData values by name,
 * unnamed EventData values as the list field {@code Data}. A name with spaces is offered without
 * them too. Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean} or a list of
 * strings; an empty text is a present field with value {@code null}.
 */
public final class WindowsEventBuilder {

    /** Bounds the joined-name memory against exports with endless distinct names. */
    private static final int MAX_REMEMBERED = 256;

    private final WindowsLogsources logsources;
    private final Map<String, Map<String, String>> attributeNames = new HashMap<>();
    private final WindowsEvent event;
    private final FieldTable fields;
    private Instant timestamp;

    public WindowsEventBuilder(SourceKind kind, WindowsLogsources logsources) {
        this.logsources = logsources;
        this.event = new WindowsEvent(kind);
        this.fields = event.table();
    }

    /** Starts a new event; the previous one handed out by {@link #finish} is overwritten. */
    public WindowsEventBuilder begin() {
        event.reset();
        timestamp = null;
        return this;
    }

    /** A System child's value ({@code EventID}, {@code Channel}, {@code Level}, {@code Computer}, ...). */
    public WindowsEventBuilder system(String element, Object value) {
        fields.put(element, normalise(value), true);
        return this;
    }

    /** A System child's attribute, offered as {@code element_attribute} ({@code Provider_Name}). */
    public WindowsEventBuilder systemAttribute(String element, String attribute, Object value) {
        fields.put(attributeName(element, attribute), normalise(value), true);
        return this;
    }

    /**
     * The joined name, the same String each time: every event has the same few System attributes,
     * and a name that is the same object costs nothing to hash again.
     */
    private String attributeName(String element, String attribute) {
        Map<String, String> ofElement = attributeNames.get(element);
        if (ofElement == null) {
            if (attributeNames.size() >= MAX_REMEMBERED) return element + "_" + attribute;
            ofElement = new HashMap<>();
            attributeNames.put(element, ofElement);
        }
        String name = ofElement.get(attribute);
        if (name == null) {
            name = element + "_" + attribute;
            if (ofElement.size() < MAX_REMEMBERED) ofElement.put(attribute, name);
        }
        return name;
    }

    /** An EventData {@code <Data Name="name">} value, or a UserData leaf by its element name. */
    public WindowsEventBuilder data(String name, Object value) {
        Object v = normalise(value);
        fields.put(name, v, true);
        if (name.indexOf(' ') >= 0) fields.put(name.replace(" ", ""), v, false);
        return this;
    }

    /**
     * A System, System attribute or EventData field whose final name ({@code Provider_Name}) and
     * folded hash were worked out once for many events; {@code alias} is the name without spaces
     * when it has any ({@link #data}), else null.
     */
    void field(String name, int hash, Object value, String alias, int aliasHash) {
        Object v = normalise(value);
        fields.put(name, hash, v, true);
        if (alias != null) fields.put(alias, aliasHash, v, false);
    }

    /** An EventData {@code <Data>} without a name: appended to the list field {@code Data}. */
    public WindowsEventBuilder unnamedData(String value) {
        fields.append("Data", value == null ? "" : value);
        return this;
    }

    /**
     * A field of the export around the event (a collector's host name, ECS {@code event.code}):
     * rules can name it, keyword searches do not see it, and it never replaces an event field.
     */
    public WindowsEventBuilder extra(String name, Object value) {
        fields.putIfAbsent(name, normalise(value), false);
        return this;
    }

    /** The event's time when the source gives it apart from System/TimeCreated. */
    public WindowsEventBuilder timestamp(Instant when) {
        this.timestamp = when;
        return this;
    }

    /** Whether the event being built already has the field (any letter case). */
    public boolean has(String name) {
        return fields.indexOf(name) >= 0;
    }

    /**
     * Completes the event: decides its logsource from its channel, provider and event ID, adds the
     * field aliases that logsource asks for, and reads its time from {@code TimeCreated_SystemTime}
     * (unless {@link #timestamp} gave one). Valid until the next {@link #begin()}.
     */
    public WindowsEvent finish(SourceRef source) {
        ChannelMapping mapping = logsources.resolve(value("Channel"), value("Provider_Name"), value("EventID"), fields);
        List<String[]> aliases = mapping.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            String[] a = aliases.get(i);
            int at = fields.indexOf(a[1]);
            if (at >= 0) fields.putIfAbsent(a[0], fields.value(at), false);
        }
        Instant when = timestamp;
        if (when == null) {
            Object t = value("TimeCreated_SystemTime");
            if (t != null) when = EventTimes.parse(t.toString());
        }
        event.complete(source, when, mapping.logsource());
        return event;
    }

    private Object value(String name) {
        int i = fields.indexOf(name);
        return i < 0 ? null : fields.value(i);
    }

    private static Object normalise(Object value) {
        if (value instanceof String s) return s.isEmpty() ? null : s;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).longValue();
        if (value instanceof Float f) return f.doubleValue();
        if (value == null || value instanceof Long || value instanceof Double || value instanceof Boolean) return value;
        if (value instanceof List<?> list) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>(list.size());
            for (Object o : list) out.add(o == null ? "" : o.toString());
            return out;
        }
        return value.toString();
    }
}
