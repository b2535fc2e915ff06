package org.exhunt.hunt.exposure;

import org.exhunt.hunt.evidence.TextEncoding;

/** Small text files as Windows tools write them: UTF-16 LE with a BOM (regedit, PowerShell's {@code >}), or UTF-8. */
final class TextDecoding {

    private TextDecoding() {
    }

    static String decode(byte[] bytes, int length) {
        TextEncoding.Sniffed s = TextEncoding.sniff(bytes, length);
        int from = s.bomLength();
        int len = length - from;
        // A UTF-16 file cut at an odd length would end in half a character.
        if (s.encoding() != TextEncoding.UTF8 && (len & 1) == 1) len--;
        return new String(bytes, from, Math.max(0, len), s.encoding().charset());
    }
}
