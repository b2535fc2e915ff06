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
        List<EvtxProblem> problems = new ArrayList<>();
        byte[] head = new byte[FileHeader.SIZE];
        int headLength = readFully(in, head);
        FileHeader header = FileHeader.parse(head, headLength, problems);
        problems.forEach(sink::problem);
        long records = 0;
        int chunks = 0;
        long offset = FileHeader.SIZE;
        int index = 0;
        // Chunk buffers are reused once their chunk is parsed: records keep no reference to them.
        ArrayDeque<byte[]> free = new ArrayDeque<>();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        boolean more = headLength == FileHeader.SIZE;
        while (more || !pending.isEmpty()) {
            while (more && pending.size() < window) {
                byte[] chunk = free.isEmpty() ? new byte[ChunkReader.SIZE] : free.poll();
                int length = readFully(in, chunk);
                if (length <= 0) {
                    free.add(chunk);
                    more = false;
                    break;
                }
                more = length == ChunkReader.SIZE;
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
        if (header.valid() && index < header.chunkCount()) {
            EvtxProblem p = new EvtxProblem(offset, index, -1, "file ends after " + index + " chunks, its header counts "
                    + header.chunkCount() + "; the missing chunks' records are lost");
            problems.add(p);
            sink.problem(p);
        }
        return new EvtxSummary(records, chunks, header.dirty(), header.valid() || chunks > 0, problems);
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
