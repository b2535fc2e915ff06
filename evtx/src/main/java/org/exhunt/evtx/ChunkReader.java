package org.exhunt.evtx;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads the records of one 64 KiB chunk. Chunks are independent (names and templates are
 * chunk-local), which is what lets them be parsed in parallel.
 *
 * <p>Damage policy: a chunk without the {@code ElfChnk\0} magic is skipped. A header checksum
 * mismatch, or a record-data checksum mismatch, is reported and the records are still read,
 * each one checked on its own (magic, size inside the chunk, size copy at its end); when both
 * checksums fail the chunk is skipped, since neither its offsets nor its data can be trusted.
 * A record whose frame is broken ends the walk of its chunk (the next record cannot be found);
 * a record whose frame is sound but whose BinXML is not is reported and skipped.
 */
final class ChunkReader {

    static final int SIZE = 65536;
    static final int HEADER_SIZE = 512;
    private static final byte[] MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
    private static final int RECORD_MAGIC = 0x00002a2a;
    private static final int RECORD_HEADER = 24;

    /** What one chunk gave: records in order and problems; {@code isChunk} when it had the chunk magic. */
    record Result(List<EvtxRecord> records, List<EvtxProblem> problems, boolean isChunk) {
    }

    private ChunkReader() {
    }

    /**
     * @param b the chunk's bytes, {@code length} of them valid (less than 64 KiB when the file is cut short)
     * @param expected whether the file header counts this chunk; unused zeroed slots after the
     *                 counted chunks are silently empty
     */
    static Result read(byte[] b, int length, long fileOffset, int index, boolean expected) {
        List<EvtxProblem> problems = new ArrayList<>(0);
        List<EvtxRecord> records = new ArrayList<>(length >= HEADER_SIZE ? 128 : 0);
        try {
            walk(b, length, fileOffset, index, expected, records, problems);
        } catch (RuntimeException e) {
            // Whatever slipped past the checks still must not escape: keep what was read.
            problems.add(new EvtxProblem(fileOffset, index, -1, "chunk could not be read to its end: " + e));
        }
        boolean isChunk = length >= 8 && FileHeader.startsWith(b, MAGIC);
        return new Result(records, problems, isChunk);
    }

    private static void walk(byte[] b, int length, long fileOffset, int index, boolean expected,
                             List<EvtxRecord> records, List<EvtxProblem> problems) {
        if (!FileHeader.startsWith(b, MAGIC) || length < 8) {
            if (expected || !allZero(b, length)) {
                problems.add(new EvtxProblem(fileOffset, index, -1, expected
                        ? "chunk magic is not 'ElfChnk\\0'; chunk skipped, its records are lost"
                        : "unused space after the last chunk holds data that is not a chunk; ignored"));
            }
            return;
        }
        if (length < HEADER_SIZE) {
            problems.add(new EvtxProblem(fileOffset, index, -1, "file ends " + length + " bytes into this chunk, inside its header; chunk skipped"));
            return;
        }
        if (length < SIZE) {
            problems.add(new EvtxProblem(fileOffset + length, index, -1,
                    "file ends " + length + " bytes into this chunk (of 65536); records past that point are lost"));
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        crc.update(b, 128, HEADER_SIZE - 128);
        boolean headerOk = crc.getValue() == Le.u32(b, 124);
        long freeSpace = Le.u32(b, 48);
        boolean freeSpaceSane = freeSpace >= HEADER_SIZE && freeSpace <= SIZE;
        boolean dataOk = false;
        if (freeSpaceSane && freeSpace <= length) {
            crc.reset();
            crc.update(b, HEADER_SIZE, (int) freeSpace - HEADER_SIZE);
            dataOk = crc.getValue() == Le.u32(b, 52);
        }
        if (!headerOk && !dataOk) {
            problems.add(new EvtxProblem(fileOffset, index, -1,
                    "chunk header and record data checksums both mismatch; chunk skipped, its records are lost"));
            return;
        }
        if (!headerOk) {
            problems.add(new EvtxProblem(fileOffset + 124, index, -1,
                    "chunk header checksum mismatch; records read anyway because the record data checksum matches"));
        } else if (!dataOk && freeSpace <= length) {
            problems.add(new EvtxProblem(fileOffset + 52, index, -1,
                    "chunk record data checksum mismatch; records read one by one, content may be damaged"));
        }
        int limit = (int) Math.min(freeSpaceSane ? freeSpace : SIZE, length);
        BinXmlParser parser = new BinXmlParser(b);
        int p = HEADER_SIZE;
        while (p + RECORD_HEADER <= limit) {
            long at = fileOffset + p;
            if (Le.i32(b, p) != RECORD_MAGIC) {
                problems.add(new EvtxProblem(at, index, -1, "record magic 0x00002a2a expected; the rest of the chunk is lost"));
                return;
            }
            long size = Le.u32(b, p + 4);
            long id = Le.i64(b, p + 8);
            if (size < RECORD_HEADER + 4 || p + size > length) {
                problems.add(new EvtxProblem(at, index, id, "record size " + size + " does not fit in the chunk; the rest of the chunk is lost"));
                return;
            }
            int s = (int) size;
            if (Le.u32(b, p + s - 4) != size) {
                problems.add(new EvtxProblem(at, index, id, "record size copy at its end (" + Le.u32(b, p + s - 4)
                        + ") differs from its size " + size + "; the rest of the chunk is lost"));
                return;
            }
            try {
                List<TemplateNode> nodes = parser.parseRecordNodes(p + RECORD_HEADER, p + s - 4);
                java.time.Instant written = TimeText.fromFiletime(Le.i64(b, p + 16));
                // Nearly every record is one template instance: its element tree is built only
                // when asked for, since readers working per template may never need it.
                EvtxTemplate template = parser.deferrable(nodes, 0);
                if (template != null) {
                    records.add(new EvtxRecord(id, written, at, index, template, ((TemplateNode.Instance) nodes.get(0)).values()));
                } else {
                    records.add(new EvtxRecord(id, written, at, index, rootOf(BinXmlParser.instantiate(nodes))));
                }
            } catch (BadDataException e) {
                problems.add(new EvtxProblem(at, index, id, "record skipped: " + e.getMessage()));
            }
            p += s;
        }
    }

    private static EvtxElement rootOf(List<EvtxNode> nodes) {
        for (EvtxNode n : nodes) {
            if (n instanceof EvtxElement e) {
                return e;
            }
        }
        throw new BadDataException("record holds no element");
    }

    /** Compared against in bulk: unused chunk slots are common (logs are preallocated), a byte loop over each was a visible cost. */
    private static final byte[] ZEROS = new byte[SIZE];

    private static boolean allZero(byte[] b, int length) {
        for (int from = 0; from < length; from += ZEROS.length) {
            int n = Math.min(ZEROS.length, length - from);
            if (java.util.Arrays.mismatch(b, from, from + n, ZEROS, 0, n) >= 0) {
                return false;
            }
        }
        return true;
    }
}
