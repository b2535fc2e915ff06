package org.exhunt.evtx;

import java.util.zip.CRC32;

/**
 * Turns fuzz bytes into a file the reader gets past the headers of: a valid file header and one
 * chunk whose header and checksums are valid, the fuzz bytes being the chunk's record area. Raw
 * bytes alone would almost always stop at the first magic check.
 */
final class EvtxFuzzInput {

    private EvtxFuzzInput() {
    }

    static byte[] asEvtx(byte[] records) {
        int recordBytes = Math.min(records.length, 65536 - 512);
        byte[] file = new byte[4096 + 65536];
        put(file, 0, "ElfFile\0");
        putInt(file, 32, 128);
        file[36] = 1;
        file[38] = 3;
        file[40] = 0;
        file[41] = 0x10;
        file[42] = 1;
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        putInt(file, 124, (int) crc.getValue());
        int c = 4096;
        put(file, c, "ElfChnk\0");
        putInt(file, c + 40, 128);
        putInt(file, c + 48, 512 + recordBytes);
        System.arraycopy(records, 0, file, c + 512, recordBytes);
        crc.reset();
        crc.update(file, c + 512, recordBytes);
        putInt(file, c + 52, (int) crc.getValue());
        crc.reset();
        crc.update(file, c, 120);
        crc.update(file, c + 128, 384);
        putInt(file, c + 124, (int) crc.getValue());
        return file;
    }

    private static void put(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            b[at + i] = (byte) ascii.charAt(i);
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
