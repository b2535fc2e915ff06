package org.exhunt.hunt.read.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.MemoryFile.Collected;

/** An Exchange CSV file written from random values (commas, quotes, line breaks) reads back the same. */
class CsvRoundTripProperties {

    record Table(List<String> names, List<List<String>> rows, List<Boolean> forceQuotes) {
    }

    @Provide
    Arbitrary<Table> tables() {
        return Arbitraries.integers().between(2, 6).flatMap(n -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) names.add("F_" + i);
            Arbitrary<String> value = Arbitraries.strings().withChars("ab#Z09 ,\";=:\n/é").ofMaxLength(15)
                    .map(s -> s.isEmpty() ? null : s);
            List<Arbitrary<String>> cols = new ArrayList<>();
            for (int i = 0; i < n; i++) cols.add(value);
            Arbitrary<List<String>> row = Combinators.combine(cols).as(l -> l);
            return Combinators.combine(row.list().ofMinSize(1).ofMaxSize(10), Arbitraries.of(true, false).list().ofSize(n))
                    .as((rows, quotes) -> new Table(names, rows, quotes));
        });
    }

    private static String field(String v, boolean forceQuote) {
        if (v == null) return "";
        boolean quote = forceQuote || v.startsWith("#") || v.contains(",") || v.contains("\"") || v.contains("\n");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Property(tries = 200)
    void fieldBytesShownInPlaceDecodeToTheFieldValues(@ForAll("tables") Table t) {
        StringBuilder text = new StringBuilder("#Software: Microsoft Exchange Server\n#Fields: " + String.join(",", t.names()) + "\n");
        for (List<String> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) cells.add(field(row.get(i), t.forceQuotes().get(i)));
            text.append(String.join(",", cells)).append('\n');
        }
        org.exhunt.sigma.ByteSlice slice = new org.exhunt.sigma.ByteSlice();
        List<String> asked = new ArrayList<>(t.names());
        asked.add("cs-uri");
        asked.add("S:CMD");
        int[] events = {0};
        genericReader().read(MemoryFile.utf8("p.LOG", text.toString()), e -> {
            events[0]++;
            for (String name : asked) {
                if (e.slice(name, slice)) {
                    Object v = e.get(name);
                    assertThat(slice.decode()).as("%s shown in place", name).isEqualTo(v == null ? null : v.toString());
                }
            }
        });
        assertThat(events[0]).isEqualTo(t.rows().size());
    }

    @Property(tries = 300)
    void randomCsvReadsBackToTheSameValuesAndLines(@ForAll("tables") Table t, @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder("#Software: Microsoft Exchange Server" + eol + "#Fields: "
                + String.join(",", t.names()) + eol);
        List<Long> startLines = new ArrayList<>();
        long line = 3;
        for (List<String> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) cells.add(field(row.get(i), t.forceQuotes().get(i)));
            String record = String.join(",", cells);
            startLines.add(line);
            line += record.chars().filter(ch -> ch == '\n').count() + 1;
            text.append(record).append(eol);
        }
        Collected c = MemoryFile.collect(genericReader(), MemoryFile.utf8("p.LOG", text.toString()));

        assertThat(c.result().warnings()).isEmpty();
        assertThat(c.result().events()).isEqualTo(t.rows().size());
        for (int k = 0; k < t.rows().size(); k++) {
            LogEvent e = c.event(k);
            List<String> row = t.rows().get(k);
            for (int i = 0; i < row.size(); i++) {
                assertThat(e.get(t.names().get(i))).as("%s of record %d", t.names().get(i), k).isEqualTo(row.get(i));
            }
            assertThat(e.source().line()).as("start line of record %d", k).isEqualTo(startLines.get(k));
        }
    }

    private static ExchangeCsvReader genericReader() {
        return new ExchangeCsvReader(SourceKind.EXCHANGE_CSV);
    }

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll byte[] data) {
        String noise = new String(data, StandardCharsets.ISO_8859_1);
        for (SourceKind kind : List.of(SourceKind.EXCHANGE_CSV, SourceKind.EXCHANGE_ECP, SourceKind.EXCHANGE_HTTPPROXY)) {
            ExchangeCsvReader reader = new ExchangeCsvReader(kind);
            MemoryFile.collect(reader, new MemoryFile("r.LOG", data));
            byte[] withHeader = ("#Fields: DateTime,UrlStem,UrlQuery,EventData\n" + noise).getBytes(StandardCharsets.ISO_8859_1);
            Collected c = MemoryFile.collect(reader, new MemoryFile("r.LOG", withHeader));
            assertThat(c.result().error()).isNull();
        }
    }
}
