package org.exhunt.evtx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event record: its id and write time from the record header, where it was found, and the
 * event as an element tree (root {@code Event}). Immutable.
 */
public final class EvtxRecord {

    private final long recordId;
    private final Instant timestamp;
    private final long fileOffset;
    private final int chunkIndex;
    /** The template the record instantiates, or null when it is not one instance of an offered template. */
    private final EvtxTemplate template;
    /** The instance's substitution values (with a template), else empty. */
    private final EvtxValue[] values;
    /**
     * Built on first use for a template instance. Racing threads build equal trees; the element's
     * final fields make any of them safe to publish this way.
     */
    private EvtxElement root;

    EvtxRecord(long recordId, Instant timestamp, long fileOffset, int chunkIndex, EvtxElement root) {
        this(recordId, timestamp, fileOffset, chunkIndex, null, NO_VALUES, root);
    }

    EvtxRecord(long recordId, Instant timestamp, long fileOffset, int chunkIndex, EvtxTemplate template, EvtxValue[] values) {
        this(recordId, timestamp, fileOffset, chunkIndex, template, values, null);
    }

    private static final EvtxValue[] NO_VALUES = new EvtxValue[0];

    private EvtxRecord(long recordId, Instant timestamp, long fileOffset, int chunkIndex,
                       EvtxTemplate template, EvtxValue[] values, EvtxElement root) {
        this.recordId = recordId;
        this.timestamp = timestamp;
        this.fileOffset = fileOffset;
        this.chunkIndex = chunkIndex;
        this.template = template;
        this.values = values;
        this.root = root;
    }

    /**
     * The template this record is one instance of, shared by every record of an equal template
     * in any chunk or file; null when the record is not a single instance of a template without
     * nested instances. With {@link #substitutionCount()} and {@link #substitution(int)} it
     * describes the event as fully as {@link #root()} does.
     */
    public EvtxTemplate template() {
        return template;
    }

    /** How many substitution values the template instance carries (0 without a template). */
    public int substitutionCount() {
        return values.length;
    }

    /**
     * Substitution value {@code index} of the template instance; a null value for an index past
     * the values the record carries, as instantiation treats it.
     */
    public EvtxValue substitution(int index) {
        return index >= 0 && index < values.length ? values[index] : EvtxValue.NULL;
    }

    public long recordId() {
        return recordId;
    }

    /** When the record was written (record header); see {@link #systemTime()} for the event time. */
    public Instant timestamp() {
        return timestamp;
    }

    /** Byte offset of the record in the file (or stream). */
    public long fileOffset() {
        return fileOffset;
    }

    /** Index of the chunk holding the record, counted from 0 after the file header. */
    public int chunkIndex() {
        return chunkIndex;
    }

    /** The root element, normally {@code Event}. */
    public EvtxElement root() {
        EvtxElement r = root;
        if (r == null) {
            List<EvtxNode> nodes = new ArrayList<>(1);
            // depth 1: where the record's own template instance puts its definition
            Instantiator.fill(template.definition(), values, nodes, 1);
            for (int k = 0; k < nodes.size() && r == null; k++) {
                if (nodes.get(k) instanceof EvtxElement e) {
                    r = e;
                }
            }
            root = r;
        }
        return r;
    }

    /** {@code System}, or null when the event lacks it. */
    public EvtxElement system() {
        return root().child("System");
    }

    /** System/EventID as a number, or -1 when absent or not a number. */
    public int eventId() {
        String text = systemText("EventID");
        if (text == null) {
            return -1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** System/Channel, or null. */
    public String channel() {
        return systemText("Channel");
    }

    /** System/Computer, or null. */
    public String computer() {
        return systemText("Computer");
    }

    /** System/Provider@Name, or null. */
    public String provider() {
        EvtxElement s = system();
        EvtxElement p = s == null ? null : s.child("Provider");
        return p == null ? null : p.attributeText("Name");
    }

    /** System/TimeCreated@SystemTime, falling back to the record header time. */
    public Instant systemTime() {
        EvtxElement s = system();
        EvtxElement t = s == null ? null : s.child("TimeCreated");
        EvtxAttribute a = t == null ? null : t.attribute("SystemTime");
        if (a != null) {
            Instant i = a.value().asInstant();
            if (i != null) {
                return i;
            }
            try {
                return Instant.parse(a.text());
            } catch (java.time.format.DateTimeParseException ignored) {
                // a provider wrote the time as text we cannot read; the header time is close
            }
        }
        return timestamp;
    }

    /**
     * The event's named data: each {@code EventData/Data} with a {@code Name} attribute, or
     * else each child of the element inside {@code UserData}, by name in document order.
     */
    public Map<String, String> eventData() {
        Map<String, String> out = new LinkedHashMap<>();
        EvtxElement data = root().child("EventData");
        if (data != null) {
            int unnamed = 0;
            for (EvtxElement d : data.children("Data")) {
                String name = d.attributeText("Name");
                out.put(name != null ? name : "Data" + (unnamed++ == 0 ? "" : "_" + (unnamed - 1)), d.text());
            }
            return out;
        }
        EvtxElement user = root().child("UserData");
        if (user != null) {
            for (EvtxNode n : user.children()) {
                if (n instanceof EvtxElement inner) {
                    for (EvtxNode c : inner.children()) {
                        if (c instanceof EvtxElement field) {
                            out.put(field.name(), field.text());
                        }
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** The event as XML, in the layout of evtxexport and the Windows event viewer. */
    public String toXml() {
        return XmlRenderer.render(root());
    }

    /** The event as one JSON object shaped as evtx_dump writes it, pretty printed. */
    public String toJson() {
        return JsonRenderer.render(root(), true);
    }

    /** The same JSON on one line. */
    public String toJsonLine() {
        return JsonRenderer.render(root(), false);
    }

    private String systemText(String name) {
        EvtxElement s = system();
        EvtxElement e = s == null ? null : s.child(name);
        return e == null ? null : e.text();
    }

    @Override
    public String toString() {
        return "EvtxRecord[id=" + recordId + ", offset=" + fileOffset + ", event=" + eventId() + "]";
    }
}
