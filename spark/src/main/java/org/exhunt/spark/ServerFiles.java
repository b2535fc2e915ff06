package org.exhunt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.exhunt.hunt.read.windows.EvtxChunkRangeReader;

/**
 * The evidence of one server in the lake: every file under {@code <root>/<folder>/}.
 *
 * @param root   the input root as the user gave it
 * @param folder the first path component under the root (the server's folder); files lying
 *               loose at the root are grouped under the root's own name
 * @param files  the files, as fully qualified (encoded) URIs, each with its path relative to the root
 * @param bytes  their total size, to hand the largest servers out first
 */
record ServerFiles(String root, String folder, List<LakeFile> files, long bytes) implements Serializable {

    /**
     * One file, or one range of 64 KiB chunks of a large EVTX file: where Hadoop finds it, how it
     * is named below the root, and the bytes it stands for.
     *
     * @param chunkCount the chunks of the range from {@code firstChunk}; 0 for the whole file
     */
    record LakeFile(String uri, String relative, long bytes, int firstChunk, int chunkCount) implements Serializable {
        LakeFile(String uri, String relative, long bytes) {
            this(uri, relative, bytes, 0, 0);
        }

        boolean isChunkRange() {
            return chunkCount > 0;
        }

        /** The chunk ranges of this EVTX file, each of about {@code maxBytes}. */
        List<LakeFile> chunkRanges(long maxBytes) {
            long slots = EvtxChunkRangeReader.chunkSlots(bytes);
            int perRange = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / EvtxChunkRangeReader.CHUNK_BYTES));
            List<LakeFile> out = new ArrayList<>();
            for (long first = 0; first < slots; first += perRange) {
                int count = (int) Math.min(perRange, slots - first);
                long size = Math.min((long) count * EvtxChunkRangeReader.CHUNK_BYTES,
                        bytes - EvtxChunkRangeReader.HEADER_BYTES - first * EvtxChunkRangeReader.CHUNK_BYTES);
                out.add(new LakeFile(uri, relative, size, (int) first, count));
            }
            return out;
        }
    }

    /** What names a server in the job and its summary, without its file list. */
    record Key(String root, String folder, int files, long bytes) implements Serializable {
        String evidence() {
            return root.endsWith("/") ? root + folder : root + "/" + folder;
        }
    }

    /** A part of a server's files, hunted by one task. */
    record Slice(Key server, List<LakeFile> files) implements Serializable {
    }

    Key key() {
        return new Key(root, folder, files.size(), bytes);
    }

    /** As {@link #slices(long, Predicate)} with no file cut. */
    List<Slice> slices(long maxBytes) {
        return slices(maxBytes, f -> false);
    }

    /**
     * The files cut into slices of about {@code maxBytes} each, in name order, so that one huge
     * server is read by many tasks. A file is never cut, except an EVTX file larger than
     * {@code maxBytes} that {@code evtx} accepts: its chunks are independent, so it is cut into
     * chunk ranges of about {@code maxBytes} each.
     */
    List<Slice> slices(long maxBytes, Predicate<LakeFile> evtx) {
        List<LakeFile> parts = new ArrayList<>();
        for (LakeFile f : files) {
            if (f.bytes() > maxBytes && evtx.test(f)) parts.addAll(f.chunkRanges(maxBytes));
            else parts.add(f);
        }
        List<Slice> out = new ArrayList<>();
        List<LakeFile> current = new ArrayList<>();
        long size = 0;
        for (LakeFile f : parts) {
            if (!current.isEmpty() && size + f.bytes() > maxBytes) {
                out.add(new Slice(key(), List.copyOf(current)));
                current.clear();
                size = 0;
            }
            current.add(f);
            size += f.bytes();
        }
        if (!current.isEmpty() || out.isEmpty()) out.add(new Slice(key(), List.copyOf(current)));
        return out;
    }
}
