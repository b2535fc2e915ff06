package org.exhunt.evtx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reads EVTX files chunk by chunk, handing records to a {@link RecordSink} in file order. Memory
 * stays bounded: one chunk (64 KiB) at a time, or a small window of chunks in parallel mode.
 *
 * <p>Damaged content never throws: it is reported as {@link EvtxProblem}s (to the sink as found,
 * and in the returned {@link EvtxSummary}) and reading goes on with the next record or chunk.
 * Only I/O failures of the source itself throw {@link IOException}.
 *
 * <pre>{@code
 * EvtxSummary s = EvtxReader.sequential().read(path, r -> System.out.println(r.eventId()));
 * }</pre>
 */
public final class EvtxReader {

    private final Executor executor;
    private final int window;

    private EvtxReader(Executor executor, int window) {
        this.executor = executor;
        this.window = window;
    }

    /** Parses one chunk after another on the calling thread. */
    public static EvtxReader sequential() {
        return new EvtxReader(null, 1);
    }

    /**
     * Parses chunks on {@code executor}, up to {@code 2 × processors} ahead of the one being
     * delivered; the sink is still called on the calling thread, in file order.
     */
    public static EvtxReader parallel(Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("executor is required");
        }
        return new EvtxReader(executor, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public EvtxSummary read(Path file, RecordSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, sink);
        }
    }

    public EvtxSummary read(byte[] data, RecordSink sink) {
        try {
            return read(new ByteArrayInputStream(data), sink);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Reads the stream to its end; it is not closed. */
    public EvtxSummary read(InputStream in, RecordSink sink) throws IOException {
        return read(in, 0, Integer.MAX_VALUE, sink);
    }

    /**
     * Reads only the chunks {@code firstChunk .. firstChunk + chunkCount - 1} of the file, so that
     * one large file can be read by several workers: the ranges of a file together give exactly
     * the records, offsets and problems of reading it whole. The file header is read (it tells
     * which chunk slots are in use) but its own problems are reported only by the range that
     * starts at chunk 0, and a file cut short only by the range that reaches its end.
     *
     * <p>The file is opened once and {@linkplain InputStream#skip skipped} to the first chunk, so
     * a source that can seek reads only the header and the range.
     *
     * @throws IllegalArgumentException if {@code firstChunk} or {@code chunkCount} is negative
     */
    public EvtxSummary read(Path file, int firstChunk, int chunkCount, RecordSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, firstChunk, chunkCount, sink);
        }
    }

    /**
     * As {@link #read(Path, int, int, RecordSink)}, from a stream positioned at the start of the
     * file (it is not closed). Chunks before the range are skipped with {@link InputStream#skip},
     * which seeks on file and most distributed-file-system streams.
     */
    public EvtxSummary read(InputStream in, int firstChunk, int chunkCount, RecordSink sink) throws IOException {
        if (firstChunk < 0 || chunkCount < 0) {
            throw new IllegalArgumentException("chunk range must not be negative: first " + firstChunk
                    + ", count " + chunkCount);
        }
        List<EvtxProblem> problems = new ArrayList<>();
        byte[] head = new byte[FileHeader.SIZE];
        int headLength = readFully(in, head);
        List<EvtxProblem> headerProblems = new ArrayList<>();
        FileHeader header = FileHeader.parse(head, headLength, headerProblems);
        if (firstChunk == 0) {
            problems.addAll(headerProblems);
            headerProblems.forEach(sink::problem);
        }
        long records = 0;
        int chunks = 0;
        long offset = FileHeader.SIZE + (long) firstChunk * ChunkReader.SIZE;
        int index = firstChunk;
        long end = (long) firstChunk + chunkCount;
        boolean more = headLength == FileHeader.SIZE && skipTo(in, offset - FileHeader.SIZE);
        // Chunk buffers are reused once their chunk is parsed: records keep no reference to them.
        ArrayDeque<byte[]> free = new ArrayDeque<>();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        // A short file tells the range at chunk 0 it ends early; a range lying wholly past the end
        // of the file says nothing (the range that reached the end has said it).
        boolean reachedEnd = headLength < FileHeader.SIZE && firstChunk == 0;
        while (more || !pending.isEmpty()) {
            while (more && pending.size() < window) {
                if (index >= end) {
                    more = false;
                    break;
                }
                byte[] chunk = free.isEmpty() ? new byte[ChunkReader.SIZE] : free.poll();
                int length = readFully(in, chunk);
                if (length <= 0) {
                    free.add(chunk);
                    more = false;
                    reachedEnd = true;
                    break;
                }
                more = length == ChunkReader.SIZE;
                reachedEnd = !more;
                final long at = offset;
                final int i = index;
                final boolean expected = i < header.chunkCount();
                CompletableFuture<ChunkReader.Result> result = executor == null
                        ? CompletableFuture.completedFuture(ChunkReader.read(chunk, length, at, i, expected))
                        : CompletableFuture.supplyAsync(() -> ChunkReader.read(chunk, length, at, i, expected), executor);
                pending.add(new Pending(chunk, result));
                offset += length;
                index++;
            }
            Pending next = pending.poll();
            if (next == null) {
                break;
            }
            ChunkReader.Result result = next.result().join();
            free.add(next.buffer());
            if (result.isChunk()) {
                chunks++;
            }
            for (EvtxProblem p : result.problems()) {
                problems.add(p);
                sink.problem(p);
            }
            for (EvtxRecord r : result.records()) {
                sink.record(r);
                records++;
            }
        }
        // Only the range that ran into the end of the file can tell that chunks are missing.
        if (reachedEnd && header.valid() && index < header.chunkCount() && index < end) {
            EvtxProblem p = new EvtxProblem(offset, index, -1, "file ends after " + index + " chunks, its header counts "
                    + header.chunkCount() + "; the missing chunks' records are lost");
            problems.add(p);
            sink.problem(p);
        }
        return new EvtxSummary(records, chunks, header.dirty(), header.valid() || chunks > 0, problems);
    }

    /** Skips {@code bytes}; false when the stream ends first (the range lies past the end of the file). */
    private static boolean skipTo(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                // skip may refuse to move without being at the end; one read tells which it is.
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return true;
    }

    private record Pending(byte[] buffer, CompletableFuture<ChunkReader.Result> result) {
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }
}
