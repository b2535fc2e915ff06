package org.exhunt.hunt.read.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.line.SlicedEvent;
import org.exhunt.sigma.ByteSlice;

/** One Exchange CSV record, reused for every record of a file. */
final class ExchangeEvent extends SlicedEvent {

    private ExchangeHeader header;
    /** Per column: whether the value was quoted and holds doubled quotes to undo. */
    private boolean[] escaped = new boolean[32];
    private Map<String, String> eventData;
    private Map<String, String> eventDataLower;
    private Object uri;
    private static final Object UNSET = new Object();

    ExchangeEvent(String path, SourceKind kind) {
        super(path, kind);
    }

    void header(ExchangeHeader h) {
        this.header = h;
        room(h.size() + 1);
        layoutChanged();
    }

    ExchangeHeader header() {
        return header;
    }

    void room(int n) {
        capacity(n);
        if (escaped.length < starts.length) escaped = java.util.Arrays.copyOf(escaped, starts.length);
    }

    int[] starts() {
        return starts;
    }

    int[] ends() {
        return ends;
    }

    boolean[] escaped() {
        return escaped;
    }

    void record(byte[] buffer, int fields, long line, long offset) {
        moveTo(buffer, fields, line, offset);
    }

    void stamp(Instant t) {
        timestamp(t);
    }

    @Override
    protected void onMove() {
        eventData = null;
        eventDataLower = null;
        uri = UNSET;
    }

    @Override
    protected Object decode(int i) {
        if (ends[i] == starts[i]) return null;
        String v = text(i);
        return escaped[i] ? v.replace("\"\"", "\"") : v;
    }

    @Override
    protected int columnOf(String name) {
        return header.col(name);
    }

    @Override
    protected boolean sliceColumn(int c, ByteSlice out) {
        // doubled quotes must be undone, which only decode() does
        if (c >= count || escaped[c]) return false;
        if (ends[c] == starts[c]) return out.setEmpty();
        return out.set(buf, starts[c], ends[c], false);
    }

    private Map<String, String> eventDataLower() {
        if (eventDataLower == null) {
            eventData = EventDataFields.split((String) column(header.eventData));
            eventDataLower = EventDataFields.lowerKeys(eventData);
        }
        return eventDataLower;
    }

    @Override
    protected Object lookup(String name) {
        int c = header.col(name);
        if (c >= 0) return column(c);
        if (header.eventData >= 0) {
            if (header.ecpAliases) {
                String key = ExchangeHeader.ECP_ALIASES.get(name);
                if (key != null) return eventDataLower().get(key);
            }
            if (name.indexOf(':') > 0) return eventDataLower().get(name);
        }
        if (name.equals(ExchangeHeader.URI) && header.stem >= 0) {
            if (uri == UNSET) uri = joinUri((String) column(header.stem), header.query < 0 ? null : (String) column(header.query));
            return uri;
        }
        return null;
    }

    /** HttpProxy's {@code UrlQuery} keeps its leading {@code ?}; the joined URI has exactly one. */
    private static String joinUri(String stem, String query) {
        if (query == null || query.isEmpty()) return stem;
        String q = query.startsWith("?") ? query : "?" + query;
        return stem == null ? q : stem + q;
    }

    @Override
    protected boolean present(String name) {
        if (header.col(name) >= 0) return true;
        if (header.eventData >= 0) {
            if (header.ecpAliases && ExchangeHeader.ECP_ALIASES.containsKey(name)) {
                return eventDataLower().containsKey(ExchangeHeader.ECP_ALIASES.get(name));
            }
            if (name.indexOf(':') > 0) return eventDataLower().containsKey(name);
        }
        return name.equals(ExchangeHeader.URI) && header.stem >= 0;
    }

    @Override
    protected List<String> names() {
        List<String> all = new ArrayList<>(header.allNames());
        if (header.eventData >= 0) {
            eventDataLower();
            all.addAll(eventData.keySet());
        }
        return all;
    }

    @Override
    protected int nativeColumns() {
        return header.size();
    }
}
