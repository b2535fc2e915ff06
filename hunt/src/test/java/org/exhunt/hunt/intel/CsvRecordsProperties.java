package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** RFC 4180: whatever the fields hold, quoting them and reading them back gives the same fields. */
class CsvRecordsProperties {

    @Property
    void quoted_fields_read_back_unchanged(@ForAll("rows") List<List<String>> rows, @ForAll boolean crlf) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList()));
            text.append(crlf ? "\r\n" : "\n");
        }

        CsvRecords csv = CsvRecords.parse(text.toString());

        assertThat(csv.unterminatedQuoteLine).isZero();
        assertThat(csv.rows).extracting(CsvRecords.Row::fields).containsExactlyElementsOf(rows);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> field = Arbitraries.strings().withChars("ab ,\"\n\r;x1").ofMaxLength(8);
        // A row of one empty field is a blank line, which the reader passes over.
        return field.list().ofMinSize(2).ofMaxSize(5).list().ofMaxSize(6);
    }
}
