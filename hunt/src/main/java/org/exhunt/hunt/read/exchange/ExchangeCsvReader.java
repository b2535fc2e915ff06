package org.exhunt.hunt.read.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.line.Bytes;
import org.exhunt.hunt.read.line.LineSource;
import org.exhunt.hunt.read.line.ReadLog;
import org.exhunt.hunt.read.line.SinkFailure;
import org.exhunt.hunt.read.line.Timestamps;

/**
 * Reads the CSV logs Exchange writes (HttpProxy, ECP, OAB generator and the rest): {@code #}
 * directive lines, columns named by the {@code #Fields:} header in force, RFC 4180 quoting with
 * commas, doubled quotes and line breaks inside quoted values. A record that spans lines keeps
 * the line number and offset of its first line. Stateless: one instance serves many threads.
 */
public final class ExchangeCsvReader implements EventReader {

    private static final String FIELDS = "#Fields:";
    /** A quoted value left open this long is taken as a broken quote, not a long value. */
    static final int MAX_RECORD_LINES = 2_000;
    static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private final SourceKind kind;

    public ExchangeCsvReader(SourceKind kind) {
        this.kind = kind;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        ExchangeEvent event = new ExchangeEvent(file.path(), kind);
        Timestamps clock = new Timestamps();
        long line = 0;
        long offset = 0;
        // A record continued over several physical lines is gathered here.
        byte[] joined = new byte[0];
        int joinedLength = 0;
        long recordLine = 0;
        long recordOffset = 0;
        int recordLines = 0;
        boolean open = false;
        try (LineSource src = LineSource.open(file)) {
            while (src.next()) {
                line = src.lineNumber();
                offset = src.offset();
                byte[] b = src.buffer();
                int s = src.start();
                int e = src.end();
                if (open) {
                    int need = joinedLength + 1 + (e - s);
                    if (need > MAX_RECORD_BYTES || ++recordLines > MAX_RECORD_LINES) {
                        log.warn(recordLine, recordOffset, "quoted value never closes (after " + recordLines
                                + " lines) — record skipped, reading on at line " + (line + 1));
                        open = false;
                        continue;
                    }
                    if (need > joined.length) joined = Arrays.copyOf(joined, Math.max(need, joined.length * 2));
                    joined[joinedLength++] = '\n';
                    System.arraycopy(b, s, joined, joinedLength, e - s);
                    joinedLength += e - s;
                    if (quoteOpenAtEnd(joined, 0, joinedLength)) {
                        if (!src.terminated()) {
                            log.warn(recordLine, recordOffset, "file ends inside a quoted value — record skipped");
                        }
                        continue;
                    }
                    open = false;
                    emit(event, joined, 0, joinedLength, recordLine, recordOffset, true, log, clock, sink);
                    continue;
                }
                if (e == s) continue;
                if (b[s] == '#') {
                    if (Bytes.startsWithAsciiIgnoreCase(b, s, e, FIELDS)) {
                        int from = s + FIELDS.length();
                        String text = new String(b, from, e - from, StandardCharsets.UTF_8);
                        event.header(ExchangeHeader.parse(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, kind));
                    }
                    continue;
                }
                if (log.skipBeforeHeader(event.header() != null, line, offset) || log.skipCut(src.cut(), line, offset)) {
                    continue;
                }
                if (quoteOpenAtEnd(b, s, e)) {
                    if (!src.terminated()) {
                        log.warn(line, offset, "file ends inside a quoted value — record skipped");
                        continue;
                    }
                    if (e - s > joined.length) joined = new byte[Math.max(e - s, 4096)];
                    System.arraycopy(b, s, joined, 0, e - s);
                    joinedLength = e - s;
                    recordLine = line;
                    recordOffset = offset;
                    recordLines = 1;
                    open = true;
                    continue;
                }
                emit(event, b, s, e, line, offset, src.terminated(), log, clock, sink);
            }
            if (event.header() == null && log.events() == 0) {
                log.warn("no #Fields: header in the file — nothing to read");
            }
            return log.result(null);
        } catch (SinkFailure f) {
            throw f.getCause();
        } catch (IOException ex) {
            return log.result("read error after line " + line + " (offset " + offset + "): " + ex.getMessage());
        } catch (RuntimeException ex) {
            return log.result("unexpected failure at line " + line + " (offset " + offset + "): " + ex);
        }
    }

    private void emit(ExchangeEvent event, byte[] b, int s, int e, long line, long offset, boolean terminated,
            ReadLog log, Timestamps clock, Consumer<LogEvent> sink) {
        ExchangeHeader h = event.header();
        if (e > s && b[e - 1] == '\r') e--;
        int n = split(event, b, s, e, line, offset, log);
        if (n != h.size()) {
            if (terminated || n > h.size()) {
                log.warn(line, offset, n + " fields, header has " + h.size() + " — record skipped");
                return;
            }
            log.warn(line, offset, "last record ends early (" + n + " of " + h.size()
                    + " fields, no line end: file truncated?) — read with the missing fields absent");
        } else if (!terminated) {
            log.warn(line, offset, "last record has no line end (file truncated?) — read as is");
        }
        if (repeatsHeader(event, b, n, h)) return;
        event.record(b, n, line, offset);
        Instant t = null;
        if (h.timestamp >= 0 && h.timestamp < n) {
            int ts = event.starts()[h.timestamp];
            int te = event.ends()[h.timestamp];
            if (te > ts) {
                t = clock.iso(b, ts, te);
                if (h.timestampGuessed) {
                    h.timestampGuessed = false;
                    if (t == null) h.timestamp = -1;
                } else if (t == null) log.warn(line, offset, "'" + h.names[h.timestamp] + "' is not an ISO-8601 time — event has no time");
            }
        }
        event.stamp(t);
        log.event(t);
        try {
            sink.accept(event);
        } catch (RuntimeException ex) {
            throw new SinkFailure(ex);
        }
    }

    /**
     * Some Exchange logs repeat the column names as a plain CSV line after {@code #Fields:};
     * that line is header, not an event.
     */
    private static boolean repeatsHeader(ExchangeEvent event, byte[] b, int n, ExchangeHeader h) {
        if (n != h.size() || n == 0) return false;
        int[] st = event.starts();
        int[] en = event.ends();
        for (int i = 0; i < n; i++) {
            if (!Bytes.equalsAsciiIgnoreCase(b, st[i], en[i], h.names[i])) return false;
        }
        return true;
    }

    /** Whether a quoted value is still open at the end of {@code b[s, e)} (odd number of quotes). */
    static boolean quoteOpenAtEnd(byte[] b, int s, int e) {
        // Only the parity of the count matters: XORing the quote lanes of every word keeps one
        // bit per lane, so a row costs one pass with no stop at each quote.
        long lanes = 0;
        int i = s;
        for (; i + 8 <= e; i += 8) {
            lanes ^= Bytes.lanesEqual(Bytes.word(b, i), QUOTES);
        }
        boolean open = (Long.bitCount(lanes) & 1) != 0;
        for (; i < e; i++) {
            if (b[i] == '"') open = !open;
        }
        return open;
    }

    private static final long QUOTES = Bytes.broadcast((byte) '"');

    private static final long COMMAS = Bytes.broadcast((byte) ',');

    /** Splits a complete record into the event's slices; returns the field count. */
    private static int split(ExchangeEvent event, byte[] b, int s, int e, long line, long offset, ReadLog log) {
        event.room(event.header().size() + 1);
        int n = 0;
        int i = s;
        // The word b[wordAt, wordAt + 8) last loaded, and its comma lanes (high bit per lane).
        int wordAt = Integer.MIN_VALUE;
        long commas = 0;
        while (true) {
            int max = event.starts().length;
            int start;
            int end;
            int next;
            boolean esc = false;
            if (i < e && b[i] == '"') {
                start = i + 1;
                int j = start;
                while (true) {
                    int q = Bytes.indexOf(b, j, e, (byte) '"');
                    if (q < 0) {
                        end = e;
                        next = e;
                        break;
                    }
                    if (q + 1 < e && b[q + 1] == '"') {
                        esc = true;
                        j = q + 2;
                        continue;
                    }
                    end = q;
                    next = q + 1;
                    break;
                }
                if (next < e && b[next] != ',') {
                    log.warn(line, offset, "characters after the closing quote of field " + (n + 1) + " — kept out of the value");
                    int comma = Bytes.indexOf(b, next, e, (byte) ',');
                    next = comma < 0 ? e : comma;
                }
            } else {
                // Unquoted values are mostly short or empty (HttpProxy has some 75 columns, many
                // blank): the commas of a word are found once and walked, not searched per value.
                int comma = -1;
                int from = i;
                while (true) {
                    if (from >= wordAt && from < wordAt + 8) {
                        long m = commas & (-1L << ((from - wordAt) << 3));
                        if (m != 0) {
                            comma = wordAt + Bytes.firstLane(m);
                            break;
                        }
                        from = wordAt + 8;
                    }
                    if (from + 8 <= e) {
                        wordAt = from;
                        commas = Bytes.lanesEqual(Bytes.word(b, from), COMMAS);
                        continue;
                    }
                    for (int j = from; j < e; j++) {
                        if (b[j] == ',') {
                            comma = j;
                            break;
                        }
                    }
                    break;
                }
                end = comma < 0 ? e : comma;
                start = i;
                next = end;
            }
            if (n >= max) event.room(n + 8);
            event.starts()[n] = start;
            event.ends()[n] = end;
            event.escaped()[n] = esc;
            n++;
            if (next >= e) break;
            i = next + 1;
            if (i == e) {
                // A trailing comma leaves one more, empty, field.
                if (n >= event.starts().length) event.room(n + 8);
                event.starts()[n] = e;
                event.ends()[n] = e;
                event.escaped()[n] = false;
                n++;
                break;
            }
        }
        return n;
    }
}
