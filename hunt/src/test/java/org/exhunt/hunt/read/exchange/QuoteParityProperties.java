package org.exhunt.hunt.read.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuoteParityProperties {

    /** Rows of commas, quotes and a few other bytes, so quotes are dense and fall in every lane. */
    @Provide
    Arbitrary<byte[]> rows() {
        return Arbitraries.of((byte) '"', (byte) ',', (byte) 'a', (byte) '\r', (byte) 0xE2)
                .array(byte[].class).ofMaxSize(70);
    }

    @Property
    void aQuoteIsOpenAtTheEndExactlyWhenTheRowHoldsAnOddNumberOfQuotes(@ForAll("rows") byte[] row,
            @ForAll("offsets") int from) {
        int s = Math.min(from, row.length);
        int quotes = 0;
        for (int i = s; i < row.length; i++) {
            if (row[i] == '"') quotes++;
        }
        assertThat(ExchangeCsvReader.quoteOpenAtEnd(row, s, row.length)).isEqualTo(quotes % 2 == 1);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 9);
    }
}
