package org.exhunt.yara.syntax;

/** The integer-reading functions {@code int8 .. uint32be}: width, signedness, byte order. */
public enum IntegerType {
    INT8(1, true, false), INT16(2, true, false), INT32(4, true, false),
    INT8BE(1, true, true), INT16BE(2, true, true), INT32BE(4, true, true),
    UINT8(1, false, false), UINT16(2, false, false), UINT32(4, false, false),
    UINT8BE(1, false, true), UINT16BE(2, false, true), UINT32BE(4, false, true);

    private final int bytes;
    private final boolean signed;
    private final boolean bigEndian;

    IntegerType(int bytes, boolean signed, boolean bigEndian) {
        this.bytes = bytes;
        this.signed = signed;
        this.bigEndian = bigEndian;
    }

    public int bytes() {
        return bytes;
    }

    public boolean signed() {
        return signed;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** The function's name as written in a rule. */
    public String functionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
