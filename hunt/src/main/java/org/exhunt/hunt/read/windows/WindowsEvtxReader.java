package org.exhunt.hunt.read.windows;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.exhunt.evtx.EvtxProblem;
import org.exhunt.evtx.EvtxReader;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.EvtxSummary;
import org.exhunt.evtx.RecordSink;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.line.ReadLog;
import org.exhunt.hunt.read.line.SinkFailure;

/**
 * Reads Windows event log files (EVTX) through the evtx library, streaming chunk by chunk, into
 * the same flat Windows events as the JSON exports. Damage (a bad chunk, a cut record) is a
 * warning naming its byte offset; reading goes on with the next record or chunk. Provenance is the
 * file, the event record ID and the record's byte offset.
 */
public final class WindowsEvtxReader implements EventReader {

    private final WindowsLogsources logsources;

    /** A reader with the built-in logsource mapping. */
    public WindowsEvtxReader() {
        this(WindowsLogsources.builtIn());
    }

    public WindowsEvtxReader(WindowsLogsources logsources) {
        this.logsources = logsources;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        WindowsEventBuilder builder = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, logsources);
        long[] lastOffset = {0};
        RecordSink records = new RecordSink() {
            @Override
            public void record(EvtxRecord r) {
                lastOffset[0] = r.fileOffset();
                WindowsEvent e = EvtxEvents.fill(builder, r, new SourceRef(file.path(), -1, r.recordId(), r.fileOffset()));
                log.event(e.timestamp());
                try {
                    sink.accept(e);
                } catch (RuntimeException ex) {
                    throw new SinkFailure(ex);
                }
            }

            @Override
            public void problem(EvtxProblem p) {
                log.warn(p.toString());
            }
        };
        try (InputStream in = file.open()) {
            EvtxSummary summary = EvtxReader.sequential().read(in, records);
            if (!summary.recognised()) return log.result("not an EVTX file: no file header or chunk found");
            if (summary.dirty()) log.warn("the file header says the log was not closed cleanly (copied while in use?)");
            return log.result(null);
        } catch (SinkFailure f) {
            throw f.getCause();
        } catch (IOException ex) {
            return log.result("read error after the record at offset " + lastOffset[0] + ": " + ex.getMessage());
        } catch (RuntimeException ex) {
            return log.result("unexpected failure after the record at offset " + lastOffset[0] + ": " + ex);
        }
    }
}
