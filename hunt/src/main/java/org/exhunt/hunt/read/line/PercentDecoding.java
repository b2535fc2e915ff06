package org.exhunt.hunt.read.line;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** URL percent-decoding that never fails: an invalid {@code %} escape is kept as written. */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes {@code %XX} escapes (bytes, read as UTF-8) and, when asked, {@code +} as a space.
     * Returns the input itself when there is nothing to decode.
     */
    public static String decode(String s, boolean plusAsSpace) {
        if (s == null) return null;
        if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else if (b == '+' && plusAsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }
}
