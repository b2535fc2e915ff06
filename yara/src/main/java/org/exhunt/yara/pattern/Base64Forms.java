package org.exhunt.yara.pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte forms YARA searches for {@code base64} / {@code base64wide}: the string encoded at
 * each of the three alignments it can have inside a longer base64 text, with the characters that
 * depend on unknown neighbouring bytes cut off at both ends.
 */
final class Base64Forms {

    private Base64Forms() {}

    /**
     * In YARA's order: the wide plaintext first (when {@code wide}), then the ASCII one; for each,
     * the {@code base64} forms then the {@code base64wide} forms; alignments 0, 1, 2.
     */
    static List<byte[]> forms(byte[] literal, Modifiers m) {
        byte[] alphabet = m.alphabet().getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> plaintexts = new ArrayList<>();
        if (m.isWide()) plaintexts.add(TextForms.widen(literal));
        if (m.isAscii()) plaintexts.add(literal);
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : plaintexts) {
            if (m.isBase64()) addAlignments(p, alphabet, false, out);
            if (m.isBase64wide()) addAlignments(p, alphabet, true, out);
        }
        return out;
    }

    private static void addAlignments(byte[] plain, byte[] alphabet, boolean wideOutput, List<byte[]> out) {
        for (int shift = 0; shift <= 2; shift++) {
            // One byte shifted by one leaves no character that depends on it alone.
            if (shift == 1 && plain.length == 1) continue;
            byte[] f = trimmed(plain, shift, alphabet);
            if (f.length == 0) continue;
            out.add(wideOutput ? TextForms.widen(f) : f);
        }
    }

    /** Encodes {@code shift} zero bytes + plain and keeps only the characters fixed by plain. */
    static byte[] trimmed(byte[] plain, int shift, byte[] alphabet) {
        byte[] in = new byte[plain.length + shift];
        System.arraycopy(plain, 0, in, shift, plain.length);
        byte[] enc = encodeNoPadding(in, alphabet);
        int lead = shift == 0 ? 0 : shift == 1 ? 2 : 3;
        int trail = in.length % 3 == 0 ? 0 : 1;
        int len = enc.length - lead - trail;
        if (len <= 0) return new byte[0];
        byte[] out = new byte[len];
        System.arraycopy(enc, lead, out, 0, len);
        return out;
    }

    private static byte[] encodeNoPadding(byte[] in, byte[] alphabet) {
        int full = in.length / 3;
        int rest = in.length % 3;
        byte[] out = new byte[full * 4 + (rest == 0 ? 0 : rest + 1)];
        int o = 0;
        int i = 0;
        for (int g = 0; g < full; g++, i += 3) {
            int v = (in[i] & 0xFF) << 16 | (in[i + 1] & 0xFF) << 8 | (in[i + 2] & 0xFF);
            out[o++] = alphabet[(v >>> 18) & 63];
            out[o++] = alphabet[(v >>> 12) & 63];
            out[o++] = alphabet[(v >>> 6) & 63];
            out[o++] = alphabet[v & 63];
        }
        if (rest > 0) {
            int v = (in[i] & 0xFF) << 16 | (rest == 2 ? (in[i + 1] & 0xFF) << 8 : 0);
            out[o++] = alphabet[(v >>> 18) & 63];
            out[o++] = alphabet[(v >>> 12) & 63];
            if (rest == 2) out[o++] = alphabet[(v >>> 6) & 63];
        }
        return out;
    }
}
