package org.exhunt.evtx;

import java.util.List;
import java.util.zip.CRC32;

/**
 * The 4096-byte file header: magic {@code ElfFile\0}, first and last chunk numbers, next record
 * id, header size, version, chunk count, dirty/full flags and a CRC32 over its first 120 bytes.
 */
record FileHeader(boolean valid, long firstChunk, long lastChunk, long nextRecordId, int minorVersion, int majorVersion,
                  int chunkCount, boolean dirty, boolean full) {

    static final int SIZE = 4096;
    static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final int FLAG_DIRTY = 0x1;
    private static final int FLAG_FULL = 0x2;

    /** Reads the header from the first bytes of a file, adding what is wrong to {@code problems}. */
    static FileHeader parse(byte[] b, int length, List<EvtxProblem> problems) {
        if (length < 128) {
            problems.add(new EvtxProblem(0, -1, -1, "file is " + length + " bytes long, shorter than an EVTX file header (4096 bytes)"));
            return new FileHeader(false, 0, 0, 0, 0, 0, 0, false, false);
        }
        if (!startsWith(b, MAGIC)) {
            problems.add(new EvtxProblem(0, -1, -1, "file header magic is not 'ElfFile\\0'; looking for chunks anyway"));
            return new FileHeader(false, 0, 0, 0, 0, 0, 0, false, false);
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        long stored = Le.u32(b, 124);
        if (crc.getValue() != stored) {
            problems.add(new EvtxProblem(124, -1, -1, String.format(
                    "file header checksum mismatch (stored 0x%08x, computed 0x%08x); chunk count and flags may be wrong", stored, crc.getValue())));
        }
        int flags = Le.i32(b, 120);
        return new FileHeader(true, Le.i64(b, 8), Le.i64(b, 16), Le.i64(b, 24), Le.u16(b, 36), Le.u16(b, 38),
                Le.u16(b, 42), (flags & FLAG_DIRTY) != 0, (flags & FLAG_FULL) != 0);
    }

    static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
