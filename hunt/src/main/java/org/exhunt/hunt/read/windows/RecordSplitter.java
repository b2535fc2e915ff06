package org.exhunt.hunt.read.windows;

import java.io.IOException;
import java.util.Arrays;
import org.exhunt.hunt.read.line.LineSource;

/**
 * Cuts a JSON event export into records without parsing it: one object per line (JSON Lines),
 * concatenated pretty-printed objects (evtx_dump), or the objects of one top-level array. It
 * follows only brackets, strings and escapes, so a broken record costs that record alone: a text
 * value open at a line end, a JSON Lines record open at its line end, or a new object starting at
 * the column where records start while the previous one is still open ends the broken record,
 * and reading goes on with the next.
 *
 * <p>Memory is one record: a record is handed out, then its bytes are reused.
 */
final class RecordSplitter {

    /** The largest record kept; a larger one is skipped with a warning. */
    static final int MAX_RECORD = 16 * 1024 * 1024;

    /** Receives records and problems, in file order. */
    interface Sink {
        /** A complete record: {@code buf[off, off+len)}, valid during the call. */
        void record(byte[] buf, int off, int len, long line, long offset, long index) throws IOException;

        /** Text that is not a record, or a record that was never closed. */
        void problem(long line, long offset, String what);
    }

    private final Sink sink;

    private byte[] pending = new byte[8192];
    private int pendingLen;
    private boolean oversized;

    private boolean inRecord;
    private int depth;
    private boolean inString;
    private boolean escape;
    private long recordLine;
    private long recordOffset;
    private int recordColumn;
    private long records;
    private boolean arrayOpen;
    /** Unknown until the first record ends: whether records are one per line (JSON Lines). */
    private Boolean oneRecordPerLine;

    RecordSplitter(Sink sink) {
        this.sink = sink;
    }

    void run(LineSource lines) throws IOException {
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            long line = lines.lineNumber();
            long lineOffset = lines.offset();
            boolean exactOffsets = !lines.transcoded();
            if (lines.cut()) {
                if (inRecord) abandon(line, "record that began on line " + recordLine + " runs into a line longer than "
                        + LineSource.MAX_LINE / (1024 * 1024) + " MB");
                sink.problem(line, lineOffset, "line longer than " + LineSource.MAX_LINE / (1024 * 1024) + " MB — skipped");
                continue;
            }
            if (inRecord && depth > 0) {
                int first = s;
                while (first < e && isSpace(b[first])) first++;
                if (first < e && b[first] == '{' && first - s == recordColumn) {
                    abandon(line, "record that began on line " + recordLine + " is not closed before the next one starts");
                }
            }
            int i = s;
            int segment = s;
            while (i < e) {
                if (!inRecord) {
                    byte c = b[i];
                    if (isSpace(c) || c == ',') {
                        i++;
                        continue;
                    }
                    if (c == '[' && !arrayOpen) {
                        arrayOpen = true;
                        i++;
                        continue;
                    }
                    if (c == ']' && arrayOpen) {
                        arrayOpen = false;
                        i++;
                        continue;
                    }
                    if (c != '{') {
                        sink.problem(line, lineOffset + (exactOffsets ? i - s : 0),
                                "not a JSON object here (starts with '" + printable(c) + "') — rest of the line skipped");
                        i = e;
                        break;
                    }
                    begin(line, lineOffset + (exactOffsets ? i - s : 0), i - s);
                    segment = i;
                }
                // Inside a record: follow strings and brackets until it closes.
                int end = scan(b, i, e);
                if (end < 0) {
                    i = e;
                    break;
                }
                append(b, segment, end);
                emit(line);
                i = end;
            }
            if (inRecord) {
                append(b, segment, e);
                if (inString) {
                    abandon(line, "text value open at the end of line " + line + " (record began on line " + recordLine + ")");
                } else if (Boolean.TRUE.equals(oneRecordPerLine)) {
                    abandon(line, "record not closed at the end of its line");
                } else {
                    appendByte((byte) '\n');
                }
            }
        }
        if (inRecord) {
            sink.problem(recordLine, recordOffset, "file ends inside the record that began here (truncated?) — record skipped");
            inRecord = false;
        }
    }

    /** Follows the record from {@code i}; the index just past its closing bracket, or -1 when the line ends first. */
    private int scan(byte[] b, int i, int e) {
        for (; i < e; i++) {
            byte c = b[i];
            if (inString) {
                if (escape) escape = false;
                else if (c == '\\') escape = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) return i + 1;
            }
        }
        return -1;
    }

    private void begin(long line, long offset, int column) {
        inRecord = true;
        depth = 0;
        inString = false;
        escape = false;
        recordLine = line;
        recordOffset = offset;
        recordColumn = column;
        pendingLen = 0;
        oversized = false;
        records++;
    }

    private void emit(long line) throws IOException {
        inRecord = false;
        if (oneRecordPerLine == null) oneRecordPerLine = recordLine == line;
        if (oversized) {
            sink.problem(recordLine, recordOffset, "record " + records + " is larger than "
                    + MAX_RECORD / (1024 * 1024) + " MB — skipped");
        } else {
            sink.record(pending, 0, pendingLen, recordLine, recordOffset, records);
        }
        pendingLen = 0;
    }

    private void abandon(long line, String why) {
        sink.problem(recordLine, recordOffset, "record " + records + " skipped: " + why);
        inRecord = false;
        pendingLen = 0;
    }

    private void append(byte[] b, int from, int to) {
        int n = to - from;
        if (oversized || n <= 0) return;
        if ((long) pendingLen + n > MAX_RECORD) {
            oversized = true;
            pendingLen = 0;
            return;
        }
        ensure(pendingLen + n);
        System.arraycopy(b, from, pending, pendingLen, n);
        pendingLen += n;
    }

    private void appendByte(byte c) {
        if (oversized) return;
        ensure(pendingLen + 1);
        pending[pendingLen++] = c;
    }

    private void ensure(int capacity) {
        if (capacity > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(capacity, Math.min(MAX_RECORD + 1, pending.length * 2)));
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static String printable(byte c) {
        int u = c & 0xFF;
        return u >= 0x20 && u < 0x7F ? String.valueOf((char) u) : String.format("0x%02X", u);
    }
}
