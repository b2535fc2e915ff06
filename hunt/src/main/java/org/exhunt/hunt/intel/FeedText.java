package org.exhunt.hunt.intel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a feed's bytes. Feeds come from Windows tools as often as from web portals, so besides
 * UTF-8 (with or without a byte order mark) they may be UTF-16 with a byte order mark, or UTF-16
 * without one, which shows as a zero byte beside nearly every ASCII character.
 */
final class FeedText {

    private FeedText() {
    }

    /** The text, or {@code null} when the bytes are no text (zero bytes in a file that is no UTF-16). */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return text(b, 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return text(b, 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return text(b, 2, StandardCharsets.UTF_16BE);
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) return text(b, 0, StandardCharsets.UTF_16LE);
        if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) return text(b, 0, StandardCharsets.UTF_16BE);
        return text(b, 0, StandardCharsets.UTF_8);
    }

    private static String text(byte[] b, int from, Charset charset) {
        String s = new String(b, from, b.length - from, charset);
        return s.indexOf('\0') >= 0 ? null : s;
    }
}
