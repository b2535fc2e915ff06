package org.exhunt.hunt.read.line;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.Size;

class BytesProperties {

    @Property
    void firstLaneIsTheLowestLaneHoldingTheByte(@ForAll @Size(8) byte[] word, @ForAll byte wanted) {
        long lanes = Bytes.lanesEqual(Bytes.word(word, 0), Bytes.broadcast(wanted));
        int expected = -1;
        for (int i = 0; i < 8; i++) {
            if (word[i] == wanted) {
                expected = i;
                break;
            }
        }
        if (expected < 0) {
            assertThat(lanes).isZero();
        } else {
            assertThat(Bytes.firstLane(lanes)).isEqualTo(expected);
        }
    }

    @Property
    void firstLaneOfAnyLaneMaskMatchesCountingTrailingZeros(@ForAll @ByteRange(min = 1) byte laneBits) {
        long mask = 0;
        for (int lane = 0; lane < 8; lane++) {
            if ((laneBits >>> lane & 1) != 0) mask |= 0x80L << (8 * lane);
        }
        assertThat(Bytes.firstLane(mask)).isEqualTo(Long.numberOfTrailingZeros(mask) >>> 3);
    }

    @Property
    void indexOfFindsTheFirstOccurrence(@ForAll @Size(max = 40) byte[] a, @ForAll byte wanted) {
        int expected = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == wanted) {
                expected = i;
                break;
            }
        }
        assertThat(Bytes.indexOf(a, 0, a.length, wanted)).isEqualTo(expected);
    }
}
