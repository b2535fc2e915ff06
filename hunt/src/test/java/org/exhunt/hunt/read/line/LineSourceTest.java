package org.exhunt.hunt.read.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    record Line(String text, long number, long offset, boolean terminated, boolean cut) {
    }

    private static List<Line> lines(byte[] bytes, int maxLine) throws IOException {
        List<Line> out = new ArrayList<>();
        try (LineSource src = LineSource.open(new ByteArrayInputStream(bytes), maxLine)) {
            while (src.next()) {
                String text = new String(src.buffer(), src.start(), src.end() - src.start(), StandardCharsets.UTF_8);
                out.add(new Line(text, src.lineNumber(), src.offset(), src.terminated(), src.cut()));
            }
        }
        return out;
    }

    @Test
    void splitsOnLfAndCrLfAndCountsOffsetsInBytes() throws IOException {
        List<Line> l = lines("ab\r\nc\n\nd€".getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(l).containsExactly(
                new Line("ab", 1, 0, true, false),
                new Line("c", 2, 4, true, false),
                new Line("", 3, 6, true, false),
                new Line("d€", 4, 7, false, false));
    }

    @Test
    void lineLongerThanTheCutKeepsItsHeadAndTheNextLineItsOffset() throws IOException {
        String longLine = "x".repeat(1000);
        List<Line> l = lines((longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8), 100);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).text()).isEqualTo("x".repeat(100));
        assertThat(l.get(0).cut()).isTrue();
        assertThat(l.get(1)).isEqualTo(new Line("next", 2, 1001, true, false));
    }

    @Test
    void utf16OffsetsPointIntoTheOriginalFileEvenPastSurrogatePairs() throws IOException {
        String text = "😀a\r\nb\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        List<Line> l = lines(bytes, 1 << 20);
        assertThat(l).containsExactly(new Line("😀a", 1, 2, true, false), new Line("b", 2, 2 + 2 * 5, true, false));
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        assertThat(lines(new byte[0], 100)).isEmpty();
    }

    @Test
    void byteSearchFindsEveryPositionAcrossWordBoundaries() {
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                byte[] a = new byte[len];
                java.util.Arrays.fill(a, (byte) 'a');
                a[at] = '\n';
                assertThat(Bytes.indexOf(a, 0, len, (byte) '\n')).isEqualTo(at);
                assertThat(Bytes.indexOf(a, Math.min(at + 1, len), len, (byte) '\n')).isEqualTo(-1);
            }
        }
        byte[] high = {(byte) 0x8A, (byte) 0x0B, 1, 2, 3, 4, 5, 6, 7, (byte) 0x0A};
        assertThat(Bytes.indexOf(high, 0, high.length, (byte) '\n')).isEqualTo(9);
    }
}
