package org.exhunt.evtx;

import java.nio.charset.StandardCharsets;

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
        // Event text is nearly always Latin-1: gathering the low bytes lets the String keep them
        // as they are, where a char[] would be filled, then scanned and compressed by the String.
        byte[] latin = new byte[chars];
        for (int i = 0; i < chars; i++) {
            if (b[o + 2 * i + 1] != 0) {
                return wide(b, o, chars);
            }
            latin[i] = b[o + 2 * i];
        }
        return new String(latin, StandardCharsets.ISO_8859_1);
    }

    private static String wide(byte[] b, int o, int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = (char) ((b[o + 2 * i] & 0xFF) | (b[o + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(c);
    }
}
