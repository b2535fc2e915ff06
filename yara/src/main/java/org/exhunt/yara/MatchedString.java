package org.exhunt.yara;

import java.util.Arrays;

/**
 * One match of one string: its identifier as written ({@code "$a"}), where it starts, how long it
 * is, and the matched bytes (the first {@link #MAX_DATA} of them, as YARA keeps).
 */
public record MatchedString(String id, long offset, int length, byte[] data) {

    /** How many matched bytes a match keeps; YARA keeps as many. */
    public static final int MAX_DATA = 512;

    public MatchedString {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchedString m && m.id.equals(id) && m.offset == offset && m.length == length
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return (id.hashCode() * 31 + Long.hashCode(offset)) * 31 + length;
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(offset) + ":" + id + " (" + length + " bytes)";
    }
}
