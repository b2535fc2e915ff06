package org.exhunt.hunt.read.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.line.LineSource;
import org.exhunt.hunt.read.line.ReadLog;
import org.exhunt.hunt.read.line.SinkFailure;

/**
 * Reads Windows events exported as JSON: evtx_dump output, Winlogbeat/ECS documents, NXLog-style
 * flat records; one object per line, concatenated objects, or one array of objects; UTF-8 with or
 * without a byte-order mark, or UTF-16. Streams record by record. A record that is not valid JSON
 * is skipped with a warning naming its line and byte offset, and the rest is read.
 *
 * <p>Each event's provenance is the file, the line its record starts on, its record number
 * (1-based, counting skipped records too) and the byte offset of its first byte.
 */
public final class WindowsJsonReader implements EventReader {

    private final WindowsLogsources logsources;

    /** A reader with the built-in logsource mapping. */
    public WindowsJsonReader() {
        this(WindowsLogsources.builtIn());
    }

    public WindowsJsonReader(WindowsLogsources logsources) {
        this.logsources = logsources;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        JsonRecords records = new JsonRecords(new WindowsEventBuilder(SourceKind.WINDOWS_JSON, logsources));
        long[] where = {0, 0};
        RecordSplitter splitter = new RecordSplitter(new RecordSplitter.Sink() {
            @Override
            public void record(byte[] buf, int off, int len, long line, long offset, long index) {
                where[0] = line;
                where[1] = offset;
                WindowsEvent event;
                try {
                    event = records.parse(buf, off, len, new SourceRef(file.path(), line, index, offset));
                } catch (JsonRecords.NotAnObject e) {
                    log.warn(line, offset, "record " + index + " skipped: " + e.getMessage());
                    return;
                } catch (JsonProcessingException e) {
                    log.warn(line, offset, "record " + index + " is not valid JSON — skipped: " + e.getOriginalMessage());
                    return;
                } catch (IOException e) {
                    log.warn(line, offset, "record " + index + " skipped: " + e.getMessage());
                    return;
                }
                log.event(event.timestamp());
                try {
                    sink.accept(event);
                } catch (RuntimeException ex) {
                    throw new SinkFailure(ex);
                }
            }

            @Override
            public void problem(long line, long offset, String what) {
                log.warn(line, offset, what);
            }
        });
        try (LineSource lines = LineSource.open(file)) {
            splitter.run(lines);
            return log.result(null);
        } catch (SinkFailure f) {
            throw f.getCause();
        } catch (IOException ex) {
            return log.result("read error after line " + where[0] + " (offset " + where[1] + "): " + ex.getMessage());
        } catch (RuntimeException ex) {
            return log.result("unexpected failure at line " + where[0] + " (offset " + where[1] + "): " + ex);
        }
    }
}
