package org.exhunt.yara.module;

/**
 * A range {@code (offset, length)} of the scanned data as YARA's {@code hash} and {@code math}
 * functions read it: a negative offset or length, or an offset at or past the end, makes the
 * result undefined; a length running past the end is cut at the end.
 */
record DataRange(int start, int length) {

    /** The range, or null when YARA would leave the function's result undefined. */
    static DataRange of(byte[] data, long offset, long length) {
        if (offset < 0 || length < 0 || offset >= data.length) {
            return null;
        }
        long available = data.length - offset;
        return new DataRange((int) offset, (int) Math.min(length, available));
    }

    /** The bytes of a string argument (one char per byte). */
    static byte[] bytesOf(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
