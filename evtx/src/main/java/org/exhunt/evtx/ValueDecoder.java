package org.exhunt.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes the bytes of one substitution value by its BinXML type code. */
final class ValueDecoder {

    private ValueDecoder() {
    }

    /**
     * Decodes {@code size} bytes at {@code off}. Nested BinXML (type 0x21) is not handled here:
     * the parser decodes it because it needs the chunk's names and templates.
     */
    static EvtxValue decode(byte[] b, int off, int size, int code) {
        boolean array = (code & 0x80) != 0;
        EvtxValueType type = EvtxValueType.ofCode(code & 0x7F);
        if (type == null) {
            // An unknown type is kept as its bytes so the rest of the event still reads.
            return new EvtxValue(EvtxValueType.BINARY, false, copy(b, off, size));
        }
        if (array) {
            return new EvtxValue(type, true, decodeArray(b, off, size, type));
        }
        return decodeSingle(b, off, size, type);
    }

    private static EvtxValue decodeSingle(byte[] b, int off, int size, EvtxValueType type) {
        switch (type) {
            case NULL:
                return EvtxValue.NULL;
            case STRING:
                return EvtxValue.string(utf16TrimNul(b, off, size / 2));
            case ANSI_STRING:
                return new EvtxValue(type, false, ansi(b, off, size));
            case INT8:
                return number(type, size >= 1 ? b[off] : 0);
            case UINT8:
                return number(type, size >= 1 ? b[off] & 0xFF : 0);
            case INT16:
                return number(type, size >= 2 ? (short) Le.u16(b, off) : 0);
            case UINT16:
                return number(type, size >= 2 ? Le.u16(b, off) : 0);
            case INT32:
                return number(type, size >= 4 ? Le.i32(b, off) : 0);
            case UINT32:
            case HEX_INT32:
                return number(type, size >= 4 ? Le.u32(b, off) : 0);
            case INT64:
            case UINT64:
            case HEX_INT64:
            case FILETIME:
                return number(type, size >= 8 ? Le.i64(b, off) : 0);
            case SIZE_T:
                return number(type, size >= 8 ? Le.i64(b, off) : size >= 4 ? Le.u32(b, off) : 0);
            case REAL32:
                return new EvtxValue(type, false, size >= 4 ? Float.intBitsToFloat(Le.i32(b, off)) : 0f);
            case REAL64:
                return new EvtxValue(type, false, size >= 8 ? Double.longBitsToDouble(Le.i64(b, off)) : 0d);
            case BOOL:
                return new EvtxValue(type, false, anyNonZero(b, off, size));
            case BINARY:
                return new EvtxValue(type, false, copy(b, off, size));
            case GUID:
                if (size < 16) {
                    throw new BadDataException("GUID value of " + size + " bytes, expected 16");
                }
                return new EvtxValue(type, false, guid(b, off));
            case SYSTEMTIME:
                if (size < 16) {
                    throw new BadDataException("SYSTEMTIME value of " + size + " bytes, expected 16");
                }
                return new EvtxValue(type, false, systemtime(b, off));
            case SID:
                return new EvtxValue(type, false, sid(b, off, size));
            case BINXML:
                // The parser decodes nested BinXML itself; reaching here means there is none to show.
                return new EvtxValue(type, false, List.of());
            case EVT_HANDLE:
            case EVT_XML:
            default:
                return new EvtxValue(type, false, null);
        }
    }

    private static List<EvtxValue> decodeArray(byte[] b, int off, int size, EvtxValueType type) {
        List<EvtxValue> out = new ArrayList<>();
        int end = off + size;
        switch (type) {
            case STRING: {
                int start = off;
                for (int p = off; p + 1 < end; p += 2) {
                    if (b[p] == 0 && b[p + 1] == 0) {
                        out.add(EvtxValue.string(Le.utf16(b, start, (p - start) / 2)));
                        start = p + 2;
                    }
                }
                if (start + 1 < end) {
                    out.add(EvtxValue.string(Le.utf16(b, start, (end - start) / 2)));
                }
                return out;
            }
            case ANSI_STRING: {
                int start = off;
                for (int p = off; p < end; p++) {
                    if (b[p] == 0) {
                        out.add(new EvtxValue(type, false, new String(b, start, p - start, StandardCharsets.ISO_8859_1)));
                        start = p + 1;
                    }
                }
                if (start < end) {
                    out.add(new EvtxValue(type, false, new String(b, start, end - start, StandardCharsets.ISO_8859_1)));
                }
                return out;
            }
            case SID: {
                int p = off;
                while (p + 8 <= end) {
                    int len = 8 + 4 * (b[p + 1] & 0xFF);
                    if (p + len > end) {
                        throw new BadDataException("SID array element runs past its value");
                    }
                    out.add(new EvtxValue(type, false, sid(b, p, len)));
                    p += len;
                }
                return out;
            }
            default: {
                int width = width(type);
                if (width <= 0) {
                    throw new BadDataException("array of " + type + " values is not defined");
                }
                for (int p = off; p + width <= end; p += width) {
                    out.add(decodeSingle(b, p, width, type));
                }
                return out;
            }
        }
    }

    private static int width(EvtxValueType type) {
        return switch (type) {
            case INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, HEX_INT32, REAL32, BOOL -> 4;
            case INT64, UINT64, HEX_INT64, REAL64, FILETIME, SIZE_T -> 8;
            case GUID, SYSTEMTIME -> 16;
            default -> 0;
        };
    }

    private static EvtxValue number(EvtxValueType type, long v) {
        return new EvtxValue(type, false, v);
    }

    private static boolean anyNonZero(byte[] b, int off, int size) {
        for (int i = 0; i < size; i++) {
            if (b[off + i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] copy(byte[] b, int off, int size) {
        byte[] out = new byte[size];
        System.arraycopy(b, off, out, 0, size);
        return out;
    }

    /** Strings in substitution values usually carry their terminating NUL; it is not content. */
    static String utf16TrimNul(byte[] b, int off, int chars) {
        while (chars > 0 && b[off + 2 * chars - 2] == 0 && b[off + 2 * chars - 1] == 0) {
            chars--;
        }
        return Le.utf16(b, off, chars);
    }

    private static String ansi(byte[] b, int off, int size) {
        while (size > 0 && b[off + size - 1] == 0) {
            size--;
        }
        return new String(b, off, size, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Upper-case canonical form without braces; the first three groups are little-endian.
     * Written straight into the String's bytes: most events carry a GUID or two.
     */
    static String guid(byte[] b, int o) {
        byte[] out = new byte[36];
        hex(out, 0, Le.u32(b, o), 8);
        out[8] = '-';
        hex(out, 9, Le.u16(b, o + 4), 4);
        out[13] = '-';
        hex(out, 14, Le.u16(b, o + 6), 4);
        out[18] = '-';
        hex(out, 19, b[o + 8] & 0xFF, 2);
        hex(out, 21, b[o + 9] & 0xFF, 2);
        out[23] = '-';
        for (int i = 0; i < 6; i++) {
            hex(out, 24 + 2 * i, b[o + 10 + i] & 0xFF, 2);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void hex(byte[] out, int at, long v, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = HEX_DIGITS[(int) v & 0xF];
            v >>>= 4;
        }
    }

    /** {@code S-revision-authority-sub1-...}: authority is 48-bit big-endian, sub-authorities little-endian. */
    static String sid(byte[] b, int o, int size) {
        if (size < 8) {
            throw new BadDataException("SID value of " + size + " bytes, expected at least 8");
        }
        int count = b[o + 1] & 0xFF;
        if (8 + 4 * count > size) {
            throw new BadDataException("SID claims " + count + " sub-authorities but has " + size + " bytes");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (b[o + i] & 0xFF);
        }
        StringBuilder sb = new StringBuilder(48).append("S-").append(b[o] & 0xFF).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            sb.append('-').append(Le.u32(b, o + 8 + 4 * i));
        }
        return sb.toString();
    }

    private static java.time.Instant systemtime(byte[] b, int o) {
        return TimeText.fromSystemtime(Le.u16(b, o), Le.u16(b, o + 2), Le.u16(b, o + 6), Le.u16(b, o + 8),
                Le.u16(b, o + 10), Le.u16(b, o + 12), Le.u16(b, o + 14));
    }
}
