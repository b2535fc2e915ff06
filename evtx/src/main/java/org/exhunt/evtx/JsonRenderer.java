package org.exhunt.evtx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an event as JSON in the shape evtx_dump (the Rust {@code evtx} crate) writes, so that
 * tools and rules written against its output read ours unchanged:
 * <ul>
 * <li>an element with only a value becomes {@code "Name": value}, typed (numbers stay numbers,
 *     hex integers are {@code "0x…"} strings, GUIDs upper case without braces, times RFC 3339);</li>
 * <li>attributes go under {@code "#attributes"} and text next to them under {@code "#text"};
 *     attributes whose value is null are left out, and an element left without any is a plain value;</li>
 * <li>{@code <Data Name="X">v</Data>} becomes {@code "X": v};</li>
 * <li>an empty element is {@code null};</li>
 * <li>a repeated name keeps the last value under the plain key and moves earlier ones to
 *     {@code Name_1}, {@code Name_2}, … in the order they are displaced.</li>
 * </ul>
 * The document is built the way evtx_dump builds it, as a walk over a path of keys, because its
 * corner cases (a {@code Data} element without a name, text next to elements) follow from that walk.
 */
final class JsonRenderer {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<String> stack = new ArrayList<>(8);

    private JsonRenderer() {
    }

    static String render(EvtxElement event, boolean pretty) {
        StringBuilder sb = new StringBuilder(2048);
        new JsonWriter(sb, pretty).write(tree(event), 0);
        return sb.toString();
    }

    /** The JSON document as maps, lists and scalars. */
    static Map<String, Object> tree(EvtxElement event) {
        JsonRenderer r = new JsonRenderer();
        r.element(event);
        return r.root;
    }

    private void element(EvtxElement e) {
        open(e);
        for (EvtxNode n : e.children()) {
            if (n instanceof EvtxElement child) {
                element(child);
            } else {
                characters(((EvtxText) n).value());
            }
        }
        stack.remove(stack.size() - 1);
    }

    private void open(EvtxElement e) {
        if (e.name().equals("Data")) {
            EvtxAttribute name = e.attribute("Name");
            if (name == null) {
                // evtx_dump does not create the node; text inside lands on a "Data" path.
                stack.add("Data");
            } else {
                insertWithoutAttributes(name.text());
            }
        } else if (e.attributes().isEmpty()) {
            insertWithoutAttributes(e.name());
        } else {
            insertWithAttributes(e);
        }
    }

    private void insertWithoutAttributes(String name) {
        stack.add(name);
        Map<String, Object> container = currentParent();
        if (container == null) {
            return;
        }
        boolean existed = container.containsKey(name);
        Object old = container.put(name, null);
        if (!existed || old == null || (old instanceof Map<?, ?> m && m.isEmpty())) {
            return;
        }
        int slot = 1;
        while (container.containsKey(name + "_" + slot)) {
            slot++;
        }
        container.put(name + "_" + slot, old);
    }

    private void insertWithAttributes(EvtxElement e) {
        stack.add(e.name());
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (EvtxAttribute a : e.attributes()) {
            Object v = value(a.value());
            if (v != null) {
                attributes.put(a.name(), v);
            }
        }
        if (!attributes.isEmpty()) {
            Object current = currentPath();
            if (current instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                map.put("#attributes", attributes);
            }
        } else {
            Map<String, Object> parent = currentParent();
            if (parent != null) {
                parent.put(e.name(), null);
            }
        }
    }

    private void characters(EvtxValue v) {
        Map<String, Object> holder = currentHolder();
        String key = stack.get(stack.size() - 1);
        Object current = holder.get(key);
        if (current == null) {
            holder.put(key, value(v));
        } else if (current instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            map.put("#text", value(v));
        } else {
            holder.put(key, current + v.text());
        }
    }

    /** Walks the key path, creating objects where missing, and returns the value at its end. */
    private Object currentPath() {
        Map<String, Object> holder = currentHolder();
        return holder.get(stack.get(stack.size() - 1));
    }

    /**
     * The map holding the last key of the path, after making every step exist: a missing key
     * gets an empty object, a null is replaced by an object, a scalar is pushed down under the key.
     */
    private Map<String, Object> currentHolder() {
        Map<String, Object> holder = root;
        for (int i = 0; i < stack.size(); i++) {
            String key = stack.get(i);
            if (!holder.containsKey(key)) {
                holder.put(key, new LinkedHashMap<String, Object>());
            }
            if (i == stack.size() - 1) {
                return holder;
            }
            Object next = holder.get(key);
            String nextKey = stack.get(i + 1);
            if (next == null) {
                Map<String, Object> made = new LinkedHashMap<>();
                holder.put(key, made);
                next = made;
            } else if (!(next instanceof Map)) {
                Map<String, Object> made = new LinkedHashMap<>();
                made.put(nextKey, next);
                holder.put(key, made);
                next = made;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) next;
            holder = map;
        }
        return holder;
    }

    /** The object holding the current element (created along the path), or null if it is not an object. */
    private Map<String, Object> currentParent() {
        return currentHolder();
    }

    /** A value as evtx_dump types it in JSON. */
    static Object value(EvtxValue v) {
        if (v.isArray()) {
            List<Object> out = new ArrayList<>(v.elements().size());
            for (EvtxValue e : v.elements()) {
                out.add(value(e));
            }
            return out;
        }
        Object raw = v.raw();
        switch (v.type()) {
            case NULL:
            case EVT_HANDLE:
            case EVT_XML:
                return null;
            case STRING:
            case ANSI_STRING:
                // evtx_dump drops trailing white space from strings (Sysmon command lines often end in one).
                return ((String) raw).stripTrailing();
            case SID:
            case GUID:
                return raw;
            case INT8:
            case UINT8:
            case INT16:
            case UINT16:
            case INT32:
            case UINT32:
            case INT64:
            case REAL32:
            case REAL64:
            case BOOL:
                return raw;
            case UINT64: {
                long l = (Long) raw;
                return l >= 0 ? (Object) l : new BigInteger(Long.toUnsignedString(l));
            }
            case HEX_INT32:
            case HEX_INT64:
            case SIZE_T:
                return "0x" + Long.toHexString((Long) raw);
            case FILETIME:
                return TimeText.rfc3339(TimeText.fromFiletime((Long) raw));
            case SYSTEMTIME:
                return raw == null ? null : TimeText.rfc3339((java.time.Instant) raw);
            case BINARY:
                return EvtxValue.hex((byte[]) raw);
            case BINXML:
            default:
                return v.text();
        }
    }
}
