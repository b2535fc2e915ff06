package org.exhunt.yara.pattern;

import java.util.Arrays;

/** An immutable set of byte values (0..255): what one position of a pattern accepts. */
final class ByteClass {

    static final ByteClass ANY = range(0, 255);

    private final long[] bits;

    private ByteClass(long[] bits) {
        this.bits = bits;
    }

    static ByteClass of(int value) {
        long[] b = new long[4];
        b[(value & 0xFF) >>> 6] |= 1L << (value & 63);
        return new ByteClass(b);
    }

    static ByteClass range(int from, int to) {
        long[] b = new long[4];
        for (int v = from; v <= to; v++) b[v >>> 6] |= 1L << (v & 63);
        return new ByteClass(b);
    }

    /** Every byte {@code v} with {@code (v & mask) == (value & mask)}: hex nibble wildcards. */
    static ByteClass masked(int value, int mask) {
        long[] b = new long[4];
        for (int v = 0; v < 256; v++) {
            if ((v & mask) == (value & mask)) b[v >>> 6] |= 1L << (v & 63);
        }
        return new ByteClass(b);
    }

    static ByteClass union(ByteClass a, ByteClass b) {
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) r[i] = a.bits[i] | b.bits[i];
        return new ByteClass(r);
    }

    boolean contains(int value) {
        return (bits[(value & 0xFF) >>> 6] & (1L << (value & 63))) != 0;
    }

    int size() {
        return Long.bitCount(bits[0]) + Long.bitCount(bits[1]) + Long.bitCount(bits[2]) + Long.bitCount(bits[3]);
    }

    ByteClass complement() {
        return new ByteClass(new long[] {~bits[0], ~bits[1], ~bits[2], ~bits[3]});
    }

    /** Adds the other case of every ASCII letter in the set (YARA folds ASCII letters only). */
    ByteClass foldAsciiCase() {
        long[] r = bits.clone();
        for (int v = 'A'; v <= 'Z'; v++) {
            if (contains(v) || contains(v + 32)) {
                r[v >>> 6] |= 1L << (v & 63);
                r[(v + 32) >>> 6] |= 1L << ((v + 32) & 63);
            }
        }
        return new ByteClass(r);
    }

    /** The values in ascending order. */
    int[] values() {
        int[] out = new int[size()];
        int n = 0;
        for (int w = 0; w < 4; w++) {
            for (long rest = bits[w]; rest != 0; rest &= rest - 1) {
                out[n++] = w * 64 + Long.numberOfTrailingZeros(rest);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteClass c && Arrays.equals(bits, c.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        int n = size();
        if (n == 1) return String.format("%02X", values()[0]);
        return n == 256 ? "??" : "[" + n + " values]";
    }
}
