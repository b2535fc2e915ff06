package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

/** UTF-16LE code units read back as exactly the string they encode, whatever the characters. */
class LeUtf16Properties {

    @Property(tries = 3000)
    void latinTextReadsBackUnchanged(@ForAll @CharRange(from = 0, to = 0xFF) char[] text,
                                     @ForAll @IntRange(max = 3) int offset) {
        assertThat(Le.utf16(encode(text, offset), offset, text.length)).isEqualTo(new String(text));
    }

    @Property(tries = 3000)
    void anyTextReadsBackUnchanged(@ForAll char[] text, @ForAll @IntRange(max = 3) int offset) {
        // lone surrogates included: each code unit becomes one char, nothing is replaced
        assertThat(Le.utf16(encode(text, offset), offset, text.length)).isEqualTo(new String(text));
    }

    private static byte[] encode(char[] text, int offset) {
        byte[] b = new byte[offset + 2 * text.length + 2];
        for (int i = 0; i < text.length; i++) {
            b[offset + 2 * i] = (byte) text[i];
            b[offset + 2 * i + 1] = (byte) (text[i] >>> 8);
        }
        return b;
    }
}
