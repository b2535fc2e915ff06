package org.exhunt.hunt.read.windows;

import java.util.List;
import org.exhunt.evtx.EvtxAttribute;
import org.exhunt.evtx.EvtxElement;
import org.exhunt.evtx.EvtxNode;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.EvtxValue;
import org.exhunt.evtx.EvtxValueType;
import org.exhunt.hunt.event.SourceRef;

/**
 * Feeds one EVTX record's element tree through {@link WindowsEventBuilder}, so events from EVTX
 * files carry the same fields as the same events exported by evtx_dump: System children and
 * attributes, EventData by {@code Name} (unnamed values into {@code Data}), UserData leaves.
 */
final class EvtxEvents {

    private EvtxEvents() {
    }

    static WindowsEvent fill(WindowsEventBuilder b, EvtxRecord record, SourceRef source) {
        b.begin();
        EvtxElement root = record.root();
        // Indexed loops: every record passes here, and the quick compiler the scanner runs
        // under allocates an iterator for each for-each loop over a list.
        List<EvtxNode> sections = root.children();
        for (int k = 0, size = sections.size(); k < size; k++) {
            if (!(sections.get(k) instanceof EvtxElement section)) continue;
            switch (section.name()) {
                case "System" -> system(b, section);
                case "EventData" -> eventData(b, section);
                case "UserData" -> leaves(b, section);
                default -> { } // RenderingInfo and the like: the provider's rendering, not the event
            }
        }
        b.timestamp(record.systemTime());
        return b.finish(source);
    }

    private static void system(WindowsEventBuilder b, EvtxElement system) {
        List<EvtxNode> children = system.children();
        for (int k = 0, size = children.size(); k < size; k++) {
            if (!(children.get(k) instanceof EvtxElement e)) continue;
            List<EvtxAttribute> attributes = e.attributes();
            for (int j = 0, count = attributes.size(); j < count; j++) {
                EvtxAttribute a = attributes.get(j);
                b.systemAttribute(e.name(), a.name(), value(a.value()));
            }
            Object content = content(e);
            // An element with attributes only (Provider, TimeCreated) is not a value of its own.
            if (content != null || attributes.isEmpty()) b.system(e.name(), content);
        }
    }

    private static void eventData(WindowsEventBuilder b, EvtxElement data) {
        List<EvtxNode> children = data.children();
        for (int k = 0, size = children.size(); k < size; k++) {
            if (!(children.get(k) instanceof EvtxElement e)) continue;
            if (e.name().equals("Data")) {
                String name = e.attributeText("Name");
                if (name != null) b.data(name, content(e));
                else unnamed(b, e);
            } else if (hasElements(e)) {
                leaves(b, e);
            } else {
                b.data(e.name(), content(e));
            }
        }
    }

    /**
     * An unnamed {@code <Data>}: one item of the list field {@code Data}, or one item per element
     * when the value is an array (classic events keep a string array in one element), as the
     * JSON export of the same event gives them.
     */
    private static void unnamed(WindowsEventBuilder b, EvtxElement e) {
        EvtxValue v = e.value();
        if (v != null && v.isArray() && !v.isNull()) {
            for (EvtxValue item : v.elements()) b.unnamedData(item.text());
        } else {
            b.unnamedData(e.text());
        }
    }

    /** Leaf elements by name, at any depth; wrapping elements and their attributes are left out. */
    private static void leaves(WindowsEventBuilder b, EvtxElement parent) {
        List<EvtxNode> children = parent.children();
        for (int k = 0, size = children.size(); k < size; k++) {
            if (!(children.get(k) instanceof EvtxElement e)) continue;
            if (hasElements(e)) leaves(b, e);
            else b.data(e.name(), content(e));
        }
    }

    private static boolean hasElements(EvtxElement e) {
        List<EvtxNode> children = e.children();
        for (int k = 0, size = children.size(); k < size; k++) {
            if (children.get(k) instanceof EvtxElement) return true;
        }
        return false;
    }

    /** The element's value: a number for decimal integer types, else its text as Windows renders it. */
    private static Object content(EvtxElement e) {
        EvtxValue v = e.value();
        if (v != null) return value(v);
        String text = e.text();
        return text.isEmpty() ? null : text;
    }

    static Object value(EvtxValue v) {
        if (v.isNull()) return null;
        if (!v.isArray()) {
            switch (v.type()) {
                case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64 -> {
                    return v.asLong();
                }
                case UINT64 -> {
                    Long n = v.asLong();
                    if (n != null && n >= 0) return n;
                }
                default -> { }
            }
        }
        // Hex integers and flags keep their text ("0x8000000000000000"), as event XML shows them.
        String text = v.text();
        if (v.type() == EvtxValueType.STRING || v.type() == EvtxValueType.ANSI_STRING) {
            // Sysmon command lines often end in a space. evtx_dump, and the tools and rule tests
            // built on it, drop trailing white space; doing the same keeps a rule's verdict the
            // same whether a log is scanned as EVTX or as its JSON export.
            text = text.stripTrailing();
        }
        return text.isEmpty() ? null : text;
    }
}
