package org.exhunt.hunt.read.line;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.sigma.ByteSlice;

/**
 * A reusable event over one line (or record) of a text log: the fields are slices of the read
 * buffer, found once per line; a value becomes a String only when asked for, and is then cached
 * until the reader moves to the next line.
 *
 * <p>Subclasses bind names to columns and decode the column bytes of their format.
 */
public abstract class SlicedEvent implements LogEvent {

    private final String path;
    private final SourceKind kind;
    protected byte[] buf;
    protected int[] starts = new int[32];
    protected int[] ends = new int[32];
    protected int count;
    private Object[] cache = new Object[32];
    /**
     * The line each cached value belongs to: a value counts only when its stamp is the current
     * line's, so moving to the next line clears the cache without touching it.
     */
    private long[] cachedFor = new long[32];
    private long generation = 1;
    private long line;
    private long offset;
    private Instant timestamp;

    protected SlicedEvent(String path, SourceKind kind) {
        this.path = path;
        this.kind = kind;
    }

    /** Makes room for {@code n} fields. */
    protected final void capacity(int n) {
        if (n > starts.length) {
            int size = Math.max(n, starts.length * 2);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            cache = Arrays.copyOf(cache, size);
            cachedFor = Arrays.copyOf(cachedFor, size);
        }
    }

    /** Points the event at a new line whose field slices the caller has just filled in. */
    protected final void moveTo(byte[] buffer, int fieldCount, long lineNumber, long byteOffset) {
        generation++;
        this.buf = buffer;
        this.count = fieldCount;
        this.line = lineNumber;
        this.offset = byteOffset;
        this.timestamp = null;
        onMove();
    }

    /** Hook to drop per-line state kept by a subclass. */
    protected void onMove() {
    }

    protected final void timestamp(Instant t) {
        this.timestamp = t;
    }

    /** The decoded value of column {@code i}: null when it is past the end of a cut-short line. */
    protected final Object column(int i) {
        if (i < 0 || i >= count) return null;
        if (cachedFor[i] == generation) return cache[i];
        Object v = decode(i);
        cache[i] = v;
        cachedFor[i] = generation;
        return v;
    }

    /** The column bytes as UTF-8 text, undecoded. */
    protected final String text(int i) {
        return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** Turns column {@code i}'s bytes into its value (null for an empty value). */
    protected abstract Object decode(int i);

    /** The value of a field named in lower case, or null. */
    protected abstract Object lookup(String lowerName);

    /** Whether a field named in lower case is present. */
    protected abstract boolean present(String lowerName);

    /** Every field name this event offers (native, taxonomy and derived), in order. */
    protected abstract List<String> names();

    /** The number of native columns, whose values {@link #values()} lists. */
    protected abstract int nativeColumns();

    @Override
    public final Object get(String field) {
        int slot = slotOf(field);
        int c = columnAt(slot);
        // a native column's value, or (no such column) a derived field the subclass computes
        return c >= 0 ? column(c) : lookup(loweredNames[slot]);
    }

    @Override
    public final boolean has(String field) {
        return present(loweredNames[slotOf(field)]);
    }

    @Override
    public final boolean slice(String field, ByteSlice out) {
        int c = columnAt(slotOf(field));
        return c >= 0 && sliceColumn(c, out);
    }

    /** The native column a field named in lower case is bound to in the current layout, or -1. */
    protected abstract int columnOf(String lowerName);

    /**
     * Fills {@code out} with the bytes of native column {@code c} when its value is exactly
     * those bytes (see {@link org.exhunt.sigma.SigmaEvent#slice}); false for escaped values,
     * which go through {@link #column}.
     */
    protected abstract boolean sliceColumn(int c, ByteSlice out);

    /** Tells the event that names now map to other columns (a new header): bound columns are stale. */
    protected final void layoutChanged() {
        layout++;
    }

    private static final int NAME_SLOTS = 256;
    private final String[] askedNames = new String[NAME_SLOTS];
    private final String[] loweredNames = new String[NAME_SLOTS];
    /** Per slot: the column of its name in layout {@link #boundIn}[slot], so a header is searched once per name. */
    private final int[] boundColumn = new int[NAME_SLOTS];
    private final int[] boundIn = new int[NAME_SLOTS];
    /** Counts headers seen; slots bound in an earlier layout are rebound on use. Starts past 0, the slots' initial value. */
    private int layout = 1;

    /**
     * Rules and the IOC matcher ask for the same few field names over and over, in turn, on
     * every event: remember each one lowered, and its column, in a small table indexed by the
     * name's (cached) hash. The same name often comes as different String objects (a rule's,
     * the IOC matcher's), hence equals.
     */
    private int slotOf(String field) {
        int h = field.hashCode();
        // the high half mixed in: names such as "urlstem" and "backendcookie" share their low bits
        int slot = (h ^ (h >>> 16)) & (NAME_SLOTS - 1);
        String asked = askedNames[slot];
        if (asked == field || field.equals(asked)) return slot;
        askedNames[slot] = field;
        loweredNames[slot] = field.toLowerCase(Locale.ROOT);
        boundIn[slot] = 0;
        return slot;
    }

    private int columnAt(int slot) {
        if (boundIn[slot] != layout) {
            boundColumn[slot] = columnOf(loweredNames[slot]);
            boundIn[slot] = layout;
        }
        return boundColumn[slot];
    }

    @Override
    public Iterable<String> values() {
        int n = Math.min(count, nativeColumns());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object v = column(i);
            if (v != null) out.add(v.toString());
        }
        return out;
    }

    @Override
    public final Instant timestamp() {
        return timestamp;
    }

    @Override
    public final SourceRef source() {
        return SourceRef.ofLine(path, line, offset);
    }

    @Override
    public final SourceKind kind() {
        return kind;
    }

    @Override
    public LogEvent retain() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (present(lower)) fields.put(name, lookup(lower));
        }
        List<String> vals = new ArrayList<>();
        values().forEach(vals::add);
        return new RetainedEvent(kind, source(), timestamp, fields, vals);
    }

    @Override
    public String toString() {
        return kind.id() + " " + source();
    }
}
