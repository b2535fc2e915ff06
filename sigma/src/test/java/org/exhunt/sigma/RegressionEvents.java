package org.exhunt.sigma;

import java.util.List;
import java.util.Map;

/**
 * Turns one evtx_dump JSON record into a flat event the way SigmaHQ names Windows fields:
 * {@code System} children by name (attributes as {@code Tag_Attribute}, e.g.
 * {@code Provider_Name}), {@code EventData}/{@code UserData} leaves by name ({@code Data} items
 * by their {@code Name} attribute), names with spaces also without them.
 */
final class RegressionEvents {

    private RegressionEvents() {
    }

    @SuppressWarnings("unchecked")
    static MapEvent flatten(Object record) {
        MapEvent e = new MapEvent();
        Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) record).get("Event");
        if (event == null) {
            return e;
        }
        if (event.get("System") instanceof Map<?, ?> system) {
            ((Map<String, Object>) system).forEach((k, v) -> system(e, k, v));
        }
        for (String section : List.of("EventData", "UserData")) {
            if (event.get(section) instanceof Map<?, ?> data) {
                data(e, (Map<String, Object>) data);
            }
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static void system(MapEvent e, String key, Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (map.get("#attributes") instanceof Map<?, ?> attrs) {
                ((Map<String, Object>) attrs).forEach((a, av) -> e.put(key + "_" + a, scalar(av)));
            }
            if (map.containsKey("#text")) {
                e.put(key, scalar(map.get("#text")));
            }
        } else {
            e.put(key, scalar(v));
        }
    }

    @SuppressWarnings("unchecked")
    private static void data(MapEvent e, Map<String, Object> data) {
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            String k = entry.getKey();
            Object v = entry.getValue();
            if (k.equals("#attributes")) {
                continue;
            }
            if (k.equals("Data") && (v instanceof List<?> || v instanceof Map<?, ?>)) {
                List<Object> items = v instanceof List<?> l ? (List<Object>) l : List.of(v);
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.get("#attributes") instanceof Map<?, ?> a && a.get("Name") != null) {
                        put(e, String.valueOf(a.get("Name")), scalar(m.get("#text")));
                    }
                }
            } else if (v instanceof Map<?, ?> nested) {
                data(e, (Map<String, Object>) nested);
            } else {
                put(e, k, scalar(v));
            }
        }
    }

    /** The specification asks rules to name fields with spaces stripped ("Source Name" → SourceName); keep both. */
    private static void put(MapEvent e, String name, Object value) {
        e.put(name, value);
        if (name.indexOf(' ') >= 0) {
            e.put(name.replace(" ", ""), value);
        }
    }

    /** JSON numbers stay numbers (Long or Double); everything else becomes text. */
    private static Object scalar(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof String) {
            return v;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(o -> o == null ? "" : o.toString()).toList();
        }
        return v.toString();
    }
}
