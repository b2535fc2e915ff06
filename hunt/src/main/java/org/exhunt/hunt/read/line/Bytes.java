package org.exhunt.hunt.read.line;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte search kernels for the line and field splitters. */
public final class Bytes {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /**
     * Index of the first {@code b} in {@code a[from, to)}, or -1. Tests eight bytes at a time
     * (the classic "has zero byte" trick on {@code word ^ pattern}), which is what keeps line
     * splitting close to memory speed.
     */
    public static int indexOf(byte[] a, int from, int to, byte b) {
        int i = from;
        long pattern = (b & 0xFFL) * ONES;
        while (i + 8 <= to) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + firstLane(found);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (a[i] == b) return i;
        }
        return -1;
    }

    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    /** The eight bytes at {@code a[i, i + 8)} as a little-endian word (first byte lowest). */
    public static long word(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /** A word with byte {@code b} in every lane, for {@link #lanesEqual}. */
    public static long broadcast(byte b) {
        return (b & 0xFFL) * ONES;
    }

    /**
     * The lanes of {@code word} equal to the broadcast byte, as the high bit of each such lane.
     * Unlike the quick test in {@link #indexOf} this is exact in every lane (no borrow from a
     * lower lane), so a caller may walk all set bits: {@link #firstLane} is the lane,
     * {@code m & (m - 1)} drops it.
     */
    public static long lanesEqual(long word, long broadcast) {
        long x = word ^ broadcast;
        return ~(((x & LOWS) + LOWS) | x | LOWS);
    }

    /** Multiplier whose byte {@code j} is {@code 7 - j}; see {@link #firstLane}. */
    private static final long LANE_INDEX = 0x0001020304050607L;

    /**
     * The lowest lane (0..7) whose high bit is set in a non-zero lane mask such as
     * {@link #lanesEqual} gives. The lowest set bit alone, shifted down to the bottom of its
     * lane, times {@link #LANE_INDEX} brings that lane's index into the top byte. This is
     * {@code numberOfTrailingZeros(mask) >>> 3} without the call: the quick compiler the
     * launcher runs has no intrinsic for it, and the splitters ask once per field.
     */
    public static int firstLane(long mask) {
        return (int) ((((mask & -mask) >>> 7) * LANE_INDEX) >>> 56);
    }

    /** Whether {@code a[from, to)} holds exactly the ASCII text {@code s}, ignoring case. */
    public static boolean equalsAsciiIgnoreCase(byte[] a, int from, int to, String s) {
        if (to - from != s.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            int x = a[from + i];
            int y = s.charAt(i);
            if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) return false;
        }
        return true;
    }

    /** Whether {@code a[from, to)} starts with the ASCII text {@code s}, ignoring case. */
    public static boolean startsWithAsciiIgnoreCase(byte[] a, int from, int to, String s) {
        return to - from >= s.length() && equalsAsciiIgnoreCase(a, from, from + s.length(), s);
    }
}
