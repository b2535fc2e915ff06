package org.exhunt.hunt.evidence;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a text file is encoded, decided from its first bytes: a byte-order mark when there is one,
 * otherwise the pattern of zero bytes that UTF-16 leaves in ASCII text (IIS and Exchange write
 * UTF-8 or ASCII by default, but logs re-saved on Windows are often UTF-16).
 */
public enum TextEncoding {
    UTF8(StandardCharsets.UTF_8),
    UTF16LE(StandardCharsets.UTF_16LE),
    UTF16BE(StandardCharsets.UTF_16BE);

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** An encoding and the length of the byte-order mark that precedes the text (0 if none). */
    public record Sniffed(TextEncoding encoding, int bomLength) {
    }

    /** Detects the encoding from the first {@code length} bytes of a file. */
    public static Sniffed sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Sniffed(UTF8, 3);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) return new Sniffed(UTF16LE, 2);
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) return new Sniffed(UTF16BE, 2);
        // Without a mark: ASCII text in UTF-16 has a zero in every other byte.
        int pairs = Math.min(length / 2, 256);
        if (pairs >= 2) {
            int zeroOdd = 0;
            int zeroEven = 0;
            for (int i = 0; i < pairs; i++) {
                if (head[2 * i] == 0) zeroEven++;
                if (head[2 * i + 1] == 0) zeroOdd++;
            }
            if (zeroOdd * 10 >= pairs * 9 && zeroEven * 10 <= pairs) return new Sniffed(UTF16LE, 0);
            if (zeroEven * 10 >= pairs * 9 && zeroOdd * 10 <= pairs) return new Sniffed(UTF16BE, 0);
        }
        return new Sniffed(UTF8, 0);
    }
}
