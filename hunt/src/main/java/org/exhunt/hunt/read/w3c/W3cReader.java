package org.exhunt.hunt.read.w3c;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.line.Bytes;
import org.exhunt.hunt.read.line.LineSource;
import org.exhunt.hunt.read.line.ReadLog;
import org.exhunt.hunt.read.line.SinkFailure;
import org.exhunt.hunt.read.line.Timestamps;

/**
 * Reads W3C extended log files as IIS writes them: {@code #} directives anywhere, a new
 * {@code #Fields:} block whenever the columns change, space-separated values, {@code -} for an
 * empty value. Stateless: one instance serves any number of threads.
 */
public final class W3cReader implements EventReader {

    private static final String FIELDS = "#Fields:";

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        W3cEvent event = new W3cEvent(file.path());
        Timestamps clock = new Timestamps();
        long line = 0;
        long offset = 0;
        try (LineSource src = LineSource.open(file)) {
            while (src.next()) {
                line = src.lineNumber();
                offset = src.offset();
                byte[] b = src.buffer();
                int s = src.start();
                int e = src.end();
                while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) e--;
                if (e == s) continue;
                if (b[s] == '#') {
                    if (Bytes.startsWithAsciiIgnoreCase(b, s, e, FIELDS)) {
                        int from = s + FIELDS.length();
                        event.header(W3cHeader.parse(new String(b, from, e - from, StandardCharsets.UTF_8)));
                    }
                    continue;
                }
                if (log.skipBeforeHeader(event.header() != null, line, offset) || log.skipCut(src.cut(), line, offset)) {
                    continue;
                }
                W3cHeader h = event.header();
                int n = split(event, b, s, e);
                if (n != h.size()) {
                    if (src.terminated() || n > h.size()) {
                        log.warn(line, offset, n + " fields, header has " + h.size() + " — line skipped");
                        continue;
                    }
                    log.warn(line, offset, "last line ends early (" + n + " of " + h.size()
                            + " fields, no line end: file truncated?) — read with the missing fields absent");
                } else if (!src.terminated()) {
                    log.warn(line, offset, "last line has no line end (file truncated?) — read as is");
                }
                event.line(b, n, line, offset);
                Instant t = null;
                if (h.date >= 0 && h.time >= 0 && h.date < n && h.time < n) {
                    t = clock.dateAndTime(b, event.starts()[h.date], event.ends()[h.date],
                            event.starts()[h.time], event.ends()[h.time]);
                    if (t == null) log.warn(line, offset, "date/time is not a valid timestamp — event has no time");
                }
                event.stamp(t);
                log.event(t);
                try {
                    sink.accept(event);
                } catch (RuntimeException ex) {
                    throw new SinkFailure(ex);
                }
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

    private static final long SPACES = Bytes.broadcast((byte) ' ');

    /** Splits a data line on single spaces into the event's slices; returns the field count. */
    private static int split(W3cEvent event, byte[] b, int s, int e) {
        int[] starts = event.starts();
        int[] ends = event.ends();
        int max = starts.length;
        int n = 0;
        int fieldStart = s;
        int i = s;
        // Eight bytes at a time, walking every space in each word: lines hold a dozen or more
        // short fields, so a per-field search would restart far too often.
        for (; i + 8 <= e; i += 8) {
            long m = Bytes.lanesEqual(Bytes.word(b, i), SPACES);
            while (m != 0) {
                int at = i + Bytes.firstLane(m);
                if (n < max) {
                    starts[n] = fieldStart;
                    ends[n] = at;
                }
                n++;
                fieldStart = at + 1;
                m &= m - 1;
            }
        }
        for (; i < e; i++) {
            if (b[i] == ' ') {
                if (n < max) {
                    starts[n] = fieldStart;
                    ends[n] = i;
                }
                n++;
                fieldStart = i + 1;
            }
        }
        if (n < max) {
            starts[n] = fieldStart;
            ends[n] = e;
        }
        return n + 1;
    }
}
