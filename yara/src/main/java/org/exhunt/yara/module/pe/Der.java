package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal DER reader: one element (tag, where its value starts and ends) over a byte array.
 * Only definite lengths are accepted; anything malformed reads as null, never as an exception.
 */
record Der(byte[] data, int start, int tag, int valueStart, int end) {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    /** The element at {@code offset}, which must end by {@code limit}; null when malformed. */
    static Der read(byte[] data, int offset, int limit) {
        if (offset < 0 || offset + 2 > limit || limit > data.length) {
            return null;
        }
        int tag = data[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            return null; // multi-byte tags do not occur in the structures read here
        }
        int first = data[offset + 1] & 0xFF;
        int at = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || at + count > limit) {
                return null;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[at++] & 0xFF);
            }
        }
        if (length > limit - at) {
            return null;
        }
        return new Der(data, offset, tag, at, (int) (at + length));
    }

    int length() {
        return end - valueStart;
    }

    /** The elements inside this constructed element, or null when one is malformed. */
    List<Der> children() {
        List<Der> list = new ArrayList<>();
        for (int at = valueStart; at < end; ) {
            Der child = read(data, at, end);
            if (child == null) {
                return null;
            }
            list.add(child);
            at = child.end;
        }
        return list;
    }

    /** The whole encoding, tag and length included. */
    byte[] encoded() {
        return java.util.Arrays.copyOfRange(data, start, end);
    }

    byte[] value() {
        return java.util.Arrays.copyOfRange(data, valueStart, end);
    }

    boolean sameEncoding(Der other) {
        return java.util.Arrays.equals(data, start, end, other.data, other.start, other.end);
    }

    /** An OBJECT IDENTIFIER in dotted form, or null. */
    String oid() {
        if (tag != OID || length() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = valueStart; i < end; i++) {
            int b = data[i] & 0xFF;
            value = (value << 7) | (b & 0x7F);
            if (value > (Long.MAX_VALUE >> 8)) {
                return null;
            }
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    sb.append(top).append('.').append(value - 40 * top);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }
}
