package org.exhunt.sigma.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers. {@code utf16le}/{@code wide}, {@code utf16be} and {@code utf16}
 * (byte order mark FF FE, then little-endian) turn a value into bytes, kept as one char per
 * byte so wildcards survive; {@code base64} encodes the bytes (UTF-8 when no UTF-16 modifier
 * came first); {@code base64offset} gives the three forms the value takes at the three possible
 * offsets inside a longer encoded text, with the characters that depend on the neighbouring
 * bytes cut off (as pySigma does).
 */
final class Encodings {
    private static final int[] START_CUT = {0, 2, 3};
    private static final int[] END_CUT = {0, 3, 2};

    private Encodings() {
    }

    static SigmaString utf16(SigmaString value, Modifier which) {
        SigmaString encoded = value.mapLiterals(text -> bytesAsChars(text.getBytes(
                which == Modifier.UTF16BE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE)));
        if (which == Modifier.UTF16) {
            return SigmaString.concat(List.of(SigmaString.literal("\u00ff\u00fe"), encoded));
        }
        return encoded;
    }

    static SigmaString base64(SigmaString value, boolean bytesAlready) throws ValueException {
        byte[] data = bytes(value, bytesAlready, "base64");
        return SigmaString.literal(Base64.getEncoder().encodeToString(data));
    }

    static List<SigmaString> base64Offsets(SigmaString value, boolean bytesAlready) throws ValueException {
        byte[] data = bytes(value, bytesAlready, "base64offset");
        List<SigmaString> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[data.length + shift];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(data, 0, shifted, shift, data.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - END_CUT[(data.length + shift) % 3];
            int start = START_CUT[shift];
            out.add(SigmaString.literal(start < end ? encoded.substring(start, end) : ""));
        }
        return out;
    }

    private static byte[] bytes(SigmaString value, boolean bytesAlready, String modifier) throws ValueException {
        if (value.hasWildcards() || value.hasPlaceholders()) {
            throw new ValueException("'" + modifier + "' cannot encode wildcards, but '" + value
                    + "' has some; escape them (\\*, \\?) or put contains/startswith/endswith after '"
                    + modifier + "'");
        }
        String text = value.plainText();
        if (!bytesAlready) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) text.charAt(i);
        }
        return b;
    }

    private static String bytesAsChars(byte[] bytes) {
        char[] c = new char[bytes.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (bytes[i] & 0xff);
        }
        return new String(c);
    }
}
