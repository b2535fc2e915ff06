package org.exhunt.hunt.read.line;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.evidence.TextEncoding;

/**
 * Physical lines of a text file as byte slices of one large reusable buffer, with the 1-based
 * line number and the byte offset of each line in the original file.
 *
 * <p>UTF-8 (with or without a byte-order mark) is read as is; UTF-16 is transcoded to UTF-8 on
 * the fly, and offsets are mapped back to the UTF-16 file. Line ends are LF or CRLF; the CR is
 * not part of the line. Lines longer than {@link #MAX_LINE} bytes are cut at that length and
 * flagged, so memory stays flat whatever the input.
 */
public final class LineSource implements Closeable {

    /** The longest line kept whole; longer lines are cut and flagged {@link #cut()}. */
    public static final int MAX_LINE = 16 * 1024 * 1024;
    /**
     * Where the buffer starts; it doubles whenever a line does not fit. Small, because a scan
     * opens thousands of files (HttpProxy rolls hourly) and a fresh array is zeroed in full:
     * a megabyte per file cost more than reading the file.
     */
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final InputStream in;
    private final boolean utf16;
    private final int bomLength;
    private final int maxLine;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private long lineOffset;
    private boolean terminated;
    private boolean cut;

    /** Bytes (UTF-16 mode: code units) consumed before {@link #pos}, counted from the text start. */
    private long consumed;
    /** Bytes (and UTF-16 units) of an over-long line dropped since its start. */
    private long dropped;
    private long droppedUnits;

    LineSource(InputStream in, TextEncoding.Sniffed sniffed, int maxLine) {
        this.utf16 = sniffed.encoding() != TextEncoding.UTF8;
        this.bomLength = sniffed.bomLength();
        this.in = utf16 ? new Utf16ToUtf8Stream(in, sniffed.encoding() == TextEncoding.UTF16LE) : in;
        this.maxLine = maxLine;
        this.buf = new byte[Math.min(INITIAL_BUFFER, Math.max(maxLine, 16))];
    }

    /** Opens a file, detecting its encoding from the first bytes. */
    public static LineSource open(EvidenceFile file) throws IOException {
        return open(file.open(), MAX_LINE);
    }

    /** Reads from a stream (closed with this source), with the given cut length for lines. */
    public static LineSource open(InputStream raw, int maxLine) throws IOException {
        InputStream in = raw;
        byte[] head = new byte[512];
        int n = 0;
        try {
            // Enough bytes to see a byte-order mark or the zero pattern of UTF-16; stop early
            // rather than read ahead into a failing device before a single line is out.
            while (n < 64) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) break;
                n += r;
            }
            TextEncoding.Sniffed sniffed = TextEncoding.sniff(head, n);
            int bom = sniffed.bomLength();
            // The sniffed bytes go first, then the rest of the stream, each read on its own, so a
            // failing device loses nothing that was already read.
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, bom, n - bom), in);
            return new LineSource(whole, sniffed, maxLine);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Advances to the next line; false at the end of the file. */
    public boolean next() throws IOException {
        int scanFrom = pos;
        cut = false;
        while (true) {
            int nl = Bytes.indexOf(buf, scanFrom, limit, (byte) '\n');
            if (nl >= 0) {
                int end = nl;
                if (!cut && end > pos && buf[end - 1] == '\r') end--;
                finishLine(pos, cut ? Math.min(pos + maxLine, end) : end, nl + 1, true);
                return true;
            }
            if (eof) {
                if (pos >= limit) return false;
                int end = limit;
                finishLine(pos, cut ? Math.min(pos + maxLine, end) : end, limit, false);
                return true;
            }
            int pending = limit - pos;
            if (cut) {
                // Past the cut: keep only the kept head of the line and drop the rest as it streams by.
                int keep = Math.min(pending, maxLine);
                dropped += pending - keep;
                if (utf16) droppedUnits += units(pos + keep, limit);
                limit = pos + keep;
                scanFrom = limit;
            } else if (pending >= maxLine) {
                cut = true;
                continue;
            } else {
                scanFrom = limit;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                scanFrom -= pos;
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, (long) maxLine + 64 * 1024)];
                System.arraycopy(buf, 0, bigger, 0, limit);
                buf = bigger;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) eof = true;
            else limit += r;
        }
    }

    private void finishLine(int start, int end, int next, boolean hasTerminator) {
        lineStart = start;
        lineEnd = end;
        lineNumber++;
        lineOffset = bomLength + (utf16 ? 2 * consumed : consumed);
        terminated = hasTerminator;
        consumed += utf16 ? units(start, next) + droppedUnits : (next - start) + dropped;
        dropped = 0;
        droppedUnits = 0;
        pos = next;
    }

    /** UTF-16 code units that the UTF-8 bytes {@code buf[from, to)} came from. */
    private int units(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int b = buf[i];
            if ((b & 0xC0) != 0x80) n += (b & 0xF8) == 0xF0 ? 2 : 1;
        }
        return n;
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return lineStart;
    }

    public int end() {
        return lineEnd;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset of the current line's first byte in the original file. */
    public long offset() {
        return lineOffset;
    }

    /** False when the current line is the last one and the file ends without a line end. */
    public boolean terminated() {
        return terminated;
    }

    /** True when the current line was longer than the cut length and only its head is kept. */
    public boolean cut() {
        return cut;
    }

    /** Whether the file is UTF-16 (its content is presented transcoded to UTF-8). */
    public boolean transcoded() {
        return utf16;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
