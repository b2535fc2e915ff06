package org.exhunt.hunt.read.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
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
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.MemoryFile.Collected;

/** A W3C file written from random values reads back to the same values. */
class W3cRoundTripProperties {

    private static final List<String> OPTIONAL = List.of("s-ip", "cs-method", "cs-uri-stem", "cs-uri-query",
            "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status", "time-taken");

    /** One {@code #Fields:} block and its rows; a null value is written as {@code -}. */
    record Block(List<String> names, List<List<String>> rows) {
    }

    record Encoding(Charset charset, byte[] bom) {
        @Override
        public String toString() {
            return charset + (bom.length > 0 ? "+BOM" : "");
        }
    }

    @Provide
    Arbitrary<List<Block>> blocks() {
        Arbitrary<List<String>> names = Arbitraries.of(OPTIONAL).list().uniqueElements().ofMinSize(1).ofMaxSize(OPTIONAL.size())
                .map(l -> {
                    List<String> all = new ArrayList<>(List.of("date", "time"));
                    all.addAll(l);
                    return all;
                });
        return names.flatMap(n -> row(n).list().ofMinSize(1).ofMaxSize(8).map(rows -> new Block(n, rows)))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<List<String>> row(List<String> names) {
        Arbitrary<String> date = Arbitraries.integers().between(1, 28).map(d -> String.format("2021-03-%02d", d));
        Arbitrary<String> time = Arbitraries.integers().between(0, 86_399)
                .map(s -> String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
        Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ019/._%?=&:;()é€").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals("-")).injectNull(0.2);
        Arbitrary<String> agent = Arbitraries.strings().withChars("abcXYZ019/._;() ").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.equals("-")).injectNull(0.2);
        List<Arbitrary<String>> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(switch (n) {
                case "date" -> date;
                case "time" -> time;
                case "cs(User-Agent)" -> agent;
                default -> value;
            });
        }
        return Combinators.combine(cols).as(l -> l);
    }

    @Provide
    Arbitrary<Encoding> encodings() {
        return Arbitraries.of(
                new Encoding(StandardCharsets.UTF_8, new byte[0]),
                new Encoding(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                new Encoding(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                new Encoding(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                new Encoding(StandardCharsets.UTF_16LE, new byte[0]),
                new Encoding(StandardCharsets.UTF_16BE, new byte[0]));
    }

    @Property(tries = 300)
    void randomW3cFileReadsBackToTheSameValues(@ForAll("blocks") List<Block> blocks, @ForAll("encodings") Encoding enc,
            @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            text.append("#Software: Microsoft Internet Information Services 10.0").append(eol);
            text.append("#Fields: ").append(String.join(" ", b.names())).append(eol);
            for (List<String> row : b.rows()) {
                List<String> written = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    if (v == null) written.add("-");
                    else written.add(b.names().get(i).equals("cs(User-Agent)") ? v.replace(' ', '+') : v);
                }
                text.append(String.join(" ", written)).append(eol);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(enc.bom());
        bytes.writeBytes(text.toString().getBytes(enc.charset()));

        Collected c = MemoryFile.collect(new W3cReader(), new MemoryFile("p.log", bytes.toByteArray()));

        assertThat(c.result().status()).isEqualTo("read");
        int k = 0;
        for (Block b : blocks) {
            for (List<String> row : b.rows()) {
                LogEvent e = c.event(k++);
                for (int i = 0; i < row.size(); i++) {
                    assertThat(e.get(b.names().get(i))).as("%s in event %d", b.names().get(i), k).isEqualTo(row.get(i));
                }
                assertThat(e.timestamp()).isEqualTo(java.time.Instant.parse(row.get(0) + "T" + row.get(1) + "Z"));
            }
        }
        assertThat(c.result().events()).isEqualTo(k);
    }

    @Property(tries = 200)
    void fieldBytesShownInPlaceDecodeToTheFieldValues(@ForAll("blocks") List<Block> blocks, @ForAll("encodings") Encoding enc) {
        StringBuilder text = new StringBuilder();
        List<String> asked = new ArrayList<>(List.of("date", "c-ip", "cs-user-agent", "cs-uri", "cs-uri-stem-decoded", "cs-host"));
        for (Block b : blocks) {
            text.append("#Fields: ").append(String.join(" ", b.names())).append('\n');
            asked.addAll(b.names());
            for (List<String> row : b.rows()) {
                List<String> written = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    written.add(v == null ? "-" : b.names().get(i).equals("cs(User-Agent)") ? v.replace(' ', '+') : v);
                }
                text.append(String.join(" ", written)).append('\n');
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(enc.bom());
        bytes.writeBytes(text.toString().getBytes(enc.charset()));
        org.exhunt.sigma.ByteSlice slice = new org.exhunt.sigma.ByteSlice();
        int[] shown = {0};
        new W3cReader().read(new MemoryFile("p.log", bytes.toByteArray()), e -> {
            for (String name : asked) {
                if (e.slice(name, slice)) {
                    shown[0]++;
                    Object v = e.get(name);
                    assertThat(slice.decode()).as("%s shown in place", name).isEqualTo(v == null ? null : v.toString());
                }
            }
        });
        assertThat(shown[0]).as("native columns are shown in place").isPositive();
    }

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll byte[] data) {
        MemoryFile.collect(new W3cReader(), new MemoryFile("r.log", data));
        byte[] withHeader = ("#Fields: date time c-ip cs(User-Agent)\n" + new String(data, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        Collected c = MemoryFile.collect(new W3cReader(), new MemoryFile("r.log", withHeader));
        assertThat(c.result().error()).isNull();
    }
}
