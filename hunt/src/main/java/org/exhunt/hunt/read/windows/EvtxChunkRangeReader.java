package org.exhunt.hunt.read.windows;

import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;

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

    private final WindowsEvtxReader range;

    /**
     * @throws IllegalArgumentException if the range is negative or empty
     */
    public EvtxChunkRangeReader(int firstChunk, int chunkCount) {
        if (firstChunk < 0 || chunkCount <= 0) {
            throw new IllegalArgumentException("EVTX chunk range needs first >= 0 and count > 0, got first "
                    + firstChunk + ", count " + chunkCount);
        }
        this.range = new WindowsEvtxReader(WindowsLogsources.builtIn(), firstChunk, chunkCount);
    }

    /** How many chunk slots a file of {@code bytes} has room for (the last one may be cut short). */
    public static long chunkSlots(long bytes) {
        return bytes <= HEADER_BYTES ? 0 : (bytes - HEADER_BYTES + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }

    @Override
    public ReadResult read(EvidenceFile file, Consumer<LogEvent> sink) {
        return range.read(file, sink);
    }
}
