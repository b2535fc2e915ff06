package org.exhunt.yara.module;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Writes and takes apart DER for tests (definite lengths only). */
final class DerWriter {

    private DerWriter() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = body.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) {
        return tlv(0x30, parts);
    }

    static byte[] set(byte[]... parts) {
        return tlv(0x31, parts);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = Long.parseLong(arcs[i]);
            int groups = 1;
            while ((v >> (7 * groups)) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((v >> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    static byte[] integer(int v) {
        return tlv(0x02, new byte[] {(byte) v});
    }

    static byte[] nul() {
        return new byte[] {0x05, 0x00};
    }

    /** The complete elements directly inside the element {@code der}. */
    static List<byte[]> children(byte[] der) {
        List<byte[]> out = new ArrayList<>();
        int[] header = header(der, 0);
        int at = header[0];
        int end = header[0] + header[1];
        while (at < end) {
            int[] h = header(der, at);
            out.add(java.util.Arrays.copyOfRange(der, at, h[0] + h[1]));
            at = h[0] + h[1];
        }
        return out;
    }

    /** {where the value starts, value length} of the element at {@code at}. */
    private static int[] header(byte[] d, int at) {
        int first = d[at + 1] & 0xFF;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int count = first & 0x7F;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (d[at + 2 + i] & 0xFF);
        }
        return new int[] {at + 2 + count, length};
    }
}
