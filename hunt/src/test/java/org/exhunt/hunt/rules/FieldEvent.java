package org.exhunt.hunt.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;

/**
 * Events given as field/value pairs under the docs/fields.md names; lookups ignore case. A value
 * is a String, or a List of Strings for list fields such as the unnamed {@code Data} values of
 * classic Windows events; every String (each list element on its own) is also a keyword text.
 */
final class FieldEvent {

    private static final SourceRef SOURCE = SourceRef.ofLine("case.log", 1, 0);
    private static final Instant TIME = Instant.parse("2021-03-03T02:10:11Z");

    private FieldEvent() {
    }

    /**
     * The source kind only labels the event; which rules see it is decided by the logsource the
     * test asks the engine for, so one kind serves text-log and Windows cases alike.
     */
    static LogEvent of(Object... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("field names and values must pair up");
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            fields.put((String) keyValues[i], value);
            if (value instanceof List<?> list) {
                list.forEach(v -> values.add((String) v));
            } else if (value != null) {
                values.add((String) value);
            }
        }
        return new RetainedEvent(SourceKind.IIS_W3C, SOURCE, TIME, fields, values);
    }
}
