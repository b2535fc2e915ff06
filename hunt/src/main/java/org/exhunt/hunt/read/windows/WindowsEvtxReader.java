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
    /** The chunks read: all of them, or one range of a file split among workers ({@link EvtxChunkRangeReader}). */
    private final int firstChunk;
    private final int chunkCount;

    /** A reader with the built-in logsource mapping. */
    public WindowsEvtxReader() {
        this(WindowsLogsources.builtIn());
    }

    public WindowsEvtxReader(WindowsLogsources logsources) {
        this(logsources, 0, Integer.MAX_VALUE);
    }

    WindowsEvtxReader(WindowsLogsources logsources, int firstChunk, int chunkCount) {
        this.logsources = logsources;
        this.firstChunk = firstChunk;
        this.chunkCount = chunkCount;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        WindowsEventBuilder builder = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, logsources);
        long[] lastOffset = {firstChunk == 0 ? 0 : EvtxChunkRangeReader.HEADER_BYTES + (long) firstChunk * EvtxChunkRangeReader.CHUNK_BYTES};
        RecordSink records = new RecordSink() {
            @Override
            public void record(EvtxRecord r) {
                lastOffset[0] = r.fileOffset();
                WindowsEvent e = EvtxPlans.fill(builder, r, new SourceRef(file.path(), -1, r.recordId(), r.fileOffset()));
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
            EvtxSummary summary = EvtxReader.sequential().read(in, firstChunk, chunkCount, records);
            if (!summary.recognised()) return log.result("not an EVTX file: no file header or chunk found");
            // Of the ranges of one file, only the one holding its last chunk tells, so the warning comes once.
            if (summary.dirty() && holdsLastChunk(file.size())) {
                log.warn("the file header says the log was not closed cleanly (copied while in use?)");
            }
            return log.result(null);
        } catch (SinkFailure f) {
            throw f.getCause();
        } catch (IOException ex) {
            return log.result("read error after the record at offset " + lastOffset[0] + ": " + ex.getMessage());
        } catch (RuntimeException ex) {
            return log.result("unexpected failure after the record at offset " + lastOffset[0] + ": " + ex);
        }
    }

    /** Whether the chunks read reach the file's last chunk (for an unknown size: the first range speaks). */
    private boolean holdsLastChunk(long size) {
        if (size < 0) return firstChunk == 0;
        return (long) firstChunk + chunkCount >= EvtxChunkRangeReader.chunkSlots(size);
    }
}
