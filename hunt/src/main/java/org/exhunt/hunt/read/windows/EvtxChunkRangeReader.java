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
 * Reads one range of 64 KiB chunks of an EVTX file into the same events as
 * {@link WindowsEvtxReader} gives for those chunks, so that the ranges of a large file can be read
 * by different workers. Across the ranges of a file, each event and each warning comes out once,
 * as from reading it whole: file-header damage in the range at chunk 0, the unclean-close flag in
 * the range holding the last chunk.
 */
public final class EvtxChunkRangeReader implements EventReader {

    /** Bytes before the first chunk. */
    public static final int HEADER_BYTES = 4096;
    /** Bytes of one chunk. */
    public static final int CHUNK_BYTES = 65536;

    private final WindowsLogsources logsources;
    private final int firstChunk;
    private final int chunkCount;

    /**
     * @throws IllegalArgumentException if the range is negative or empty
     */
    public EvtxChunkRangeReader(int firstChunk, int chunkCount) {
        if (firstChunk < 0 || chunkCount <= 0) {
            throw new IllegalArgumentException("EVTX chunk range needs first >= 0 and count > 0, got first "
                    + firstChunk + ", count " + chunkCount);
        }
        this.logsources = WindowsLogsources.builtIn();
        this.firstChunk = firstChunk;
        this.chunkCount = chunkCount;
    }

    /** How many chunk slots a file of {@code bytes} has room for (the last one may be cut short). */
    public static long chunkSlots(long bytes) {
        return bytes <= HEADER_BYTES ? 0 : (bytes - HEADER_BYTES + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        ReadLog log = new ReadLog();
        WindowsEventBuilder builder = new WindowsEventBuilder(SourceKind.WINDOWS_EVTX, logsources);
        long[] lastOffset = {(long) HEADER_BYTES + (long) firstChunk * CHUNK_BYTES};
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
            EvtxSummary summary = EvtxReader.sequential().read(in, firstChunk, chunkCount, records);
            if (!summary.recognised()) return log.result("not an EVTX file: no file header or chunk found");
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

    /** Whether this range reaches the file's last chunk (for an unknown size: the first range speaks). */
    private boolean holdsLastChunk(long size) {
        if (size < 0) return firstChunk == 0;
        return (long) firstChunk + chunkCount >= chunkSlots(size);
    }
}
