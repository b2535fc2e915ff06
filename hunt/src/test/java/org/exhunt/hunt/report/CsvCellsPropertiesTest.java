package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvCellsPropertiesTest {

    @Property
    void aRowOfEvidenceCellsReadsBackAsTheSameNumberOfCellsWithTheirPrintableText(
            @ForAll("cells") List<String> values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) row.append(',');
            row.append(CsvCells.text(values.get(i)));
        }

        List<String> read = TimelineCsvWriterTest.cells(row.toString());

        assertThat(row.toString()).doesNotContain("\r").doesNotContain("\n");
        assertThat(read).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            String printable = PrintableText.of(values.get(i));
            String cell = read.get(i);
            if (cell.startsWith("'") && !printable.startsWith("'")) cell = cell.substring(1);
            assertThat(cell).isEqualTo(printable);
        }
    }

    @Property
    void noEvidenceCellStartsAsASpreadsheetFormula(@ForAll String value) {
        String cell = TimelineCsvWriterTest.cells(CsvCells.text(value)).get(0);

        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                .doesNotStartWith("\t");
    }

    @Provide
    Arbitrary<List<String>> cells() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars(",\"\r\n=+-@'\t ab\u0000\u001b")
                .ofMaxLength(12);
        return Arbitraries.oneOf(tricky, Arbitraries.strings().ofMaxLength(30)).list().ofMinSize(1).ofMaxSize(8);
    }
}
