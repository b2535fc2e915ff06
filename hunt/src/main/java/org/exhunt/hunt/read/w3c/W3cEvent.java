package org.exhunt.hunt.read.w3c;

import java.util.List;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.line.PercentDecoding;
import org.exhunt.hunt.read.line.SlicedEvent;
import org.exhunt.sigma.ByteSlice;

/** One W3C log line, reused for every line of a file. */
final class W3cEvent extends SlicedEvent {

    private W3cHeader header;
    private Object uri;
    private Object stemDecoded;
    private Object queryDecoded;
    private static final Object UNSET = new Object();

    W3cEvent(String path) {
        super(path, SourceKind.IIS_W3C);
    }

    void header(W3cHeader h) {
        this.header = h;
        capacity(h.size() + 1);
        layoutChanged();
    }

    W3cHeader header() {
        return header;
    }

    int[] starts() {
        capacity(header.size() + 1);
        return starts;
    }

    int[] ends() {
        return ends;
    }

    void line(byte[] buffer, int fields, long line, long offset) {
        moveTo(buffer, fields, line, offset);
    }

    void stamp(java.time.Instant t) {
        timestamp(t);
    }

    @Override
    protected void onMove() {
        uri = UNSET;
        stemDecoded = UNSET;
        queryDecoded = UNSET;
    }

    @Override
    protected Object decode(int i) {
        int s = starts[i];
        int e = ends[i];
        if (e - s == 1 && buf[s] == '-') return null;
        if (e == s) return null;
        String v = text(i);
        // IIS writes the spaces of a User-Agent as '+'; rules expect the agent as sent.
        if (i == header.userAgent) v = v.replace('+', ' ');
        return v;
    }

    @Override
    protected int columnOf(String name) {
        return header.col(name);
    }

    @Override
    protected boolean sliceColumn(int c, ByteSlice out) {
        if (c >= count) return false;
        int s = starts[c];
        int e = ends[c];
        // "-" is IIS's empty value, as in decode()
        if (e == s || (e - s == 1 && buf[s] == '-')) return out.setEmpty();
        return out.set(buf, s, e, c == header.userAgent);
    }

    @Override
    protected Object lookup(String name) {
        int c = header.col(name);
        if (c >= 0) return column(c);
        switch (name) {
            case W3cHeader.URI:
                if (header.stem < 0) return null;
                if (uri == UNSET) {
                    Object stem = column(header.stem);
                    Object query = column(header.query);
                    uri = stem == null ? query == null ? null : "?" + query
                            : query == null ? stem : stem + "?" + query;
                }
                return uri;
            case W3cHeader.STEM_DECODED:
                if (header.stem < 0) return null;
                if (stemDecoded == UNSET) stemDecoded = PercentDecoding.decode((String) column(header.stem), false);
                return stemDecoded;
            case W3cHeader.QUERY_DECODED:
                if (header.query < 0) return null;
                if (queryDecoded == UNSET) queryDecoded = PercentDecoding.decode((String) column(header.query), true);
                return queryDecoded;
            default:
                return null;
        }
    }

    @Override
    protected boolean present(String name) {
        return header.col(name) >= 0 || header.derived(name);
    }

    @Override
    protected List<String> names() {
        return header.allNames();
    }

    @Override
    protected int nativeColumns() {
        return header.size();
    }
}
