package org.exhunt.hunt.read.windows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.SourceRef;

/**
 * Turns one JSON record of a Windows event export into a flat event, token by token (no tree).
 * The shape is recognised per record from its top-level keys:
 * <ul>
 *   <li>{@code {"Event": {"System": …, "EventData": …}}}: evtx_dump's rendering of the event XML;</li>
 *   <li>{@code winlog} (an object, or dotted {@code winlog.*} keys): Winlogbeat / Elastic Common Schema;</li>
 *   <li>otherwise flat: System values and event data side by side at the top (NXLog, OTRF data sets).</li>
 * </ul>
 * Keys outside the event itself (a collector's {@code host}, ECS {@code event.*}) stay readable under
 * their dotted names but are not keyword-searched.
 */
final class JsonRecords {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A record whose top level is not an object. */
    static final class NotAnObject extends IOException {
        private static final long serialVersionUID = 1L;

        NotAnObject(String found) {
            super("a record must be a JSON object, found " + found);
        }
    }

    private final WindowsEventBuilder builder;
    private final List<String> topNames = new ArrayList<>();
    private final List<Object> topValues = new ArrayList<>();
    private final StringBuilder path = new StringBuilder();

    JsonRecords(WindowsEventBuilder builder) {
        this.builder = builder;
    }

    WindowsEvent parse(byte[] buf, int off, int len, SourceRef source) throws IOException {
        topNames.clear();
        topValues.clear();
        builder.begin();
        boolean evtx = false;
        boolean ecs = false;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) throw new NotAnObject(t == null ? "nothing" : t.asString());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT && name.equals("Event")) {
                    evtx = true;
                    event(p);
                } else if (v == JsonToken.START_OBJECT && name.equals("winlog")) {
                    ecs = true;
                    path.setLength(0);
                    path.append("winlog");
                    winlog(p);
                } else if (name.startsWith("winlog.")) {
                    ecs = true;
                    path.setLength(0);
                    path.append(name);
                    if (v == JsonToken.START_OBJECT) winlog(p);
                    else winlogLeaf(name, p);
                } else {
                    top(name, v, p);
                }
            }
            if (p.nextToken() != null) throw new IOException("text after the end of the record's object");
        }
        for (int i = 0; i < topNames.size(); i++) {
            if (evtx || ecs) builder.extra(topNames.get(i), topValues.get(i));
            else flat(topNames.get(i), topValues.get(i));
        }
        if (!evtx && !builder.has("TimeCreated_SystemTime")) {
            Instant when = flatTime();
            if (when != null) builder.timestamp(when);
        }
        return builder.finish(source);
    }

    // ---- evtx_dump: {"Event": {"System": {...}, "EventData": {...}, "UserData": {...}}}

    private void event(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT && name.equals("System")) system(p);
            else if (name.equals("EventData")) eventData(v, p);
            else if (v == JsonToken.START_OBJECT && name.equals("UserData")) userData(p);
            else p.skipChildren();
        }
    }

    private void system(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String element = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken inner = p.nextToken();
                    if (key.equals("#attributes") && inner == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String attribute = p.currentName();
                            builder.systemAttribute(element, attribute, scalar(p.nextToken(), p));
                        }
                    } else if (key.equals("#text")) {
                        builder.system(element, scalar(inner, p));
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                builder.system(element, scalar(v, p));
            }
        }
    }

    private void eventData(JsonToken v, JsonParser p) throws IOException {
        if (v == JsonToken.VALUE_NULL) return;
        if (v != JsonToken.START_OBJECT) {
            unnamed(v, p);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("#attributes")) p.skipChildren();
            else if (name.equals("Data") || name.equals("#text")) dataItems(t, p);
            else if (t == JsonToken.START_OBJECT) nestedData(name, p);
            else builder.data(name, value(t, p));
        }
    }

    /** {@code "Data"}: a value, a list of values, {@code {"#attributes": {"Name": n}, "#text": v}} items. */
    private void dataItems(JsonToken t, JsonParser p) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) return;
                dataItems(t, p);
            }
        } else if (t == JsonToken.START_OBJECT) {
            String name = null;
            Object text = null;
            boolean hasText = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken inner = p.nextToken();
                if (key.equals("#attributes") && inner == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String attribute = p.currentName();
                        Object a = scalar(p.nextToken(), p);
                        if (attribute.equals("Name") && a != null) name = a.toString();
                    }
                } else if (key.equals("#text")) {
                    text = value(inner, p);
                    hasText = true;
                } else {
                    p.skipChildren();
                }
            }
            if (name != null) builder.data(name, text);
            else if (hasText) unnamedValue(text);
        } else {
            unnamed(t, p);
        }
    }

    private void unnamed(JsonToken t, JsonParser p) throws IOException {
        unnamedValue(value(t, p));
    }

    private void unnamedValue(Object v) {
        if (v instanceof List<?> list) {
            for (Object o : list) builder.unnamedData(o == null ? "" : o.toString());
        } else {
            builder.unnamedData(v == null ? "" : v.toString());
        }
    }

    /** A nested element inside EventData: its leaves by their own names, like UserData. */
    private void nestedData(String name, JsonParser p) throws IOException {
        leaves(name, p);
    }

    private void userData(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("#attributes")) p.skipChildren();
            else if (t == JsonToken.START_OBJECT) leaves(name, p);
            else builder.data(name, value(t, p));
        }
    }

    /** Leaves of an element by name; an element's own {@code #text} under the element's name. */
    private void leaves(String element, JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("#attributes")) p.skipChildren();
            else if (name.equals("#text")) builder.data(element, value(t, p));
            else if (t == JsonToken.START_OBJECT) leaves(name, p);
            else if (t == JsonToken.START_ARRAY) listOrElements(name, p);
            else builder.data(name, scalar(t, p));
        }
    }

    private void listOrElements(String name, JsonParser p) throws IOException {
        List<String> texts = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) return;
            if (t == JsonToken.START_OBJECT) leaves(name, p);
            else if (t == JsonToken.START_ARRAY) p.skipChildren();
            else {
                Object v = scalar(t, p);
                texts.add(v == null ? "" : v.toString());
            }
        }
        if (!texts.isEmpty()) builder.data(name, texts);
    }

    // ---- Winlogbeat / ECS

    private void winlog(JsonParser p) throws IOException {
        int mark = path.length();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            path.setLength(mark);
            path.append('.').append(name);
            String full = path.toString();
            if (full.equals("winlog.event_data") || full.equals("winlog.user_data")) {
                if (t == JsonToken.START_OBJECT) leaves(name, p);
                else p.skipChildren();
            } else if (t == JsonToken.START_OBJECT) {
                winlog(p);
            } else {
                winlogLeaf(full, p);
            }
        }
        path.setLength(mark);
    }

    /** One winlog value: under its Windows name when it has one, and under its dotted name. */
    private void winlogLeaf(String full, JsonParser p) throws IOException {
        if (full.startsWith("winlog.event_data.") || full.startsWith("winlog.user_data.")) {
            String name = full.substring(full.indexOf('.', 7) + 1);
            builder.data(name, value(p.currentToken(), p));
            return;
        }
        Object v = value(p.currentToken(), p);
        String windows = switch (full) {
            case "winlog.channel" -> "Channel";
            case "winlog.event_id" -> "EventID";
            case "winlog.provider_name" -> "Provider_Name";
            case "winlog.provider_guid" -> "Provider_Guid";
            case "winlog.computer_name" -> "Computer";
            case "winlog.record_id" -> "EventRecordID";
            case "winlog.process.pid" -> "Execution_ProcessID";
            case "winlog.process.thread.id" -> "Execution_ThreadID";
            case "winlog.user.identifier" -> "Security_UserID";
            case "winlog.version" -> "Version";
            case "winlog.opcode" -> "Opcode";
            case "winlog.task" -> "Task";
            case "winlog.keywords" -> "Keywords";
            case "winlog.activity_id" -> "Correlation_ActivityID";
            case "winlog.related_activity_id" -> "Correlation_RelatedActivityID";
            case "winlog.time_created" -> "TimeCreated_SystemTime";
            default -> null;
        };
        if (windows != null) builder.system(windows, v);
        builder.extra(full, v);
    }

    // ---- flat (NXLog, OTRF / Mordor data sets)

    private void top(String name, JsonToken v, JsonParser p) throws IOException {
        if (v == JsonToken.START_OBJECT) {
            int mark = path.length();
            path.setLength(0);
            path.append(name);
            objectLeaves(p);
            path.setLength(mark);
        } else {
            topNames.add(name);
            topValues.add(value(v, p));
        }
    }

    /** A nested object outside the event (ECS {@code host}, {@code event}): leaves as dotted names. */
    private void objectLeaves(JsonParser p) throws IOException {
        int mark = path.length();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            path.setLength(mark);
            path.append('.').append(name);
            if (t == JsonToken.START_OBJECT) {
                objectLeaves(p);
            } else {
                topNames.add(path.toString());
                topValues.add(value(t, p));
            }
        }
        path.setLength(mark);
    }

    /**
     * A flat record's field: offered by its own name (and keyword-searched, since flat exports
     * mix System and event data), and under the Windows name for the System values exporters
     * rename.
     */
    private void flat(String name, Object value) {
        builder.data(name, value);
        String windows = switch (name) {
            case "Hostname", "hostname" -> "Computer";
            case "SourceName", "ProviderName" -> "Provider_Name";
            case "ProviderGuid" -> "Provider_Guid";
            case "RecordNumber" -> "EventRecordID";
            case "ExecutionProcessID" -> "Execution_ProcessID";
            case "ExecutionThreadID", "ThreadID" -> "Execution_ThreadID";
            case "UserID" -> "Security_UserID";
            default -> null;
        };
        if (windows != null) builder.extra(windows, value);
    }

    /**
     * A flat record's time: when the event was created ({@code TimeCreated}), else the
     * collector's UTC stamp ({@code @timestamp}), else {@code EventTime} / {@code TimeGenerated}
     * (NXLog, written without a zone and taken as UTC).
     */
    private Instant flatTime() {
        Instant best = null;
        int rank = Integer.MAX_VALUE;
        for (int i = 0; i < topNames.size(); i++) {
            Object v = topValues.get(i);
            if (v == null) continue;
            int r = switch (topNames.get(i)) {
                case "TimeCreated" -> 0;
                case "@timestamp" -> 1;
                case "EventTime", "TimeGenerated" -> 2;
                default -> Integer.MAX_VALUE;
            };
            if (r < rank) {
                Instant t = EventTimes.parse(v.toString());
                if (t != null) {
                    best = t;
                    rank = r;
                }
            }
        }
        return best;
    }

    // ---- values

    /** A scalar, or an array of scalars as a list of texts; objects become their text. */
    private static Object value(JsonToken t, JsonParser p) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            List<String> out = new ArrayList<>();
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if (item == null) break;
                if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                Object v = scalar(item, p);
                out.add(v == null ? "" : v.toString());
            }
            return out;
        }
        if (t == JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        return scalar(t, p);
    }

    private static Object scalar(JsonToken t, JsonParser p) throws IOException {
        if (t == null) return null;
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getText() : p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield null;
            }
            default -> p.getText();
        };
    }
}
