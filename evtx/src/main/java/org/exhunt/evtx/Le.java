package org.exhunt.evtx;

/** Little-endian reads from a byte array; callers check bounds first. */
final class Le {

    private Le() {
    }

    static int u8(byte[] b, int o) {
        return b[o] & 0xFF;
    }

    static int u16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    /** Unsigned 32-bit value in a long. */
    static long u32(byte[] b, int o) {
        return i32(b, o) & 0xFFFF_FFFFL;
    }

    static int i32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    static long i64(byte[] b, int o) {
        return (i32(b, o) & 0xFFFF_FFFFL) | ((long) i32(b, o + 4)) << 32;
    }

    /** UTF-16LE code units as a string. */
    static String utf16(byte[] b, int o, int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = (char) ((b[o + 2 * i] & 0xFF) | (b[o + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(c);
    }
}
