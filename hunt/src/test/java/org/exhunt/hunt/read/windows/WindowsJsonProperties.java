package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.read.MemoryFile;

class WindowsJsonProperties {

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final WindowsJsonReader READER = new WindowsJsonReader();

    enum Layout { JSON_LINES, CONCATENATED_PRETTY, ARRAY_PRETTY, ARRAY_ONE_LINE }

    @Provide
    Arbitrary<Map<String, Object>> records() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_', ' ', 'é', 'K')
                .ofMinLength(1).ofMaxLength(12)
                .filter(n -> !n.isBlank() && !n.equals("Event") && !n.toLowerCase(Locale.ROOT).startsWith("winlog")
                        && n.equals(n.strip()) && !n.contains("  "));
        Arbitrary<Object> values = Arbitraries.oneOf(
                // any text without unpaired surrogates, which UTF-8 cannot carry
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                        .ofMinLength(1).ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l));
        return Combinators.combine(names.list().ofMaxSize(8), values.list().ofSize(8)).as((ns, vs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Channel", "Security");
            m.put("EventID", 4624L);
            java.util.Set<String> seen = new java.util.HashSet<>(List.of("channel", "eventid"));
            for (int i = 0; i < ns.size(); i++) {
                String n = ns.get(i);
                // names equal ignoring case, or equal once spaces go, are one field to the event
                if (seen.add(fold(n)) && seen.add(fold(n.replace(" ", "")))) m.put(n, vs.get(i));
            }
            return m;
        });
    }

    private static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static String render(List<Map<String, Object>> records, Layout layout) throws JsonProcessingException {
        StringBuilder sb = new StringBuilder();
        switch (layout) {
            case JSON_LINES -> {
                for (Map<String, Object> r : records) sb.append(COMPACT.writeValueAsString(r)).append('\n');
            }
            case CONCATENATED_PRETTY -> {
                for (Map<String, Object> r : records) sb.append(PRETTY.writeValueAsString(r)).append('\n');
            }
            case ARRAY_PRETTY -> sb.append(PRETTY.writeValueAsString(records));
            case ARRAY_ONE_LINE -> sb.append(COMPACT.writeValueAsString(records));
        }
        return sb.toString();
    }

    @Property(tries = 100)
    void everyRecordIsReadInEveryLayoutWithEveryFieldFoundInAnyLetterCase(
            @ForAll @Size(min = 1, max = 6) List<@From("records") Map<String, Object>> records, @ForAll Layout layout)
            throws JsonProcessingException {
        MemoryFile.Collected c = MemoryFile.collect(READER, MemoryFile.utf8("p.json", render(records, layout)));
        assertThat(c.result().warnings()).isEmpty();
        assertThat(c.events()).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            LogEvent e = c.event(i);
            assertThat(e.source().record()).isEqualTo(i + 1);
            for (Map.Entry<String, Object> f : records.get(i).entrySet()) {
                assertThat(e.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
                assertThat(e.get(f.getKey().toUpperCase(Locale.ROOT))).as(f.getKey()).isEqualTo(f.getValue());
                assertThat(e.get(f.getKey().replace(" ", ""))).as(f.getKey()).isEqualTo(f.getValue());
                assertThat(e.values()).contains(f.getValue().toString());
            }
        }
    }

    @Property(tries = 100)
    void aLineThatIsNotJsonCostsThatLineAlone(@ForAll @Size(min = 1, max = 6) List<@From("records") Map<String, Object>> records,
                                              @ForAll @IntRange(min = 0, max = 6) int where,
                                              @ForAll("junk") String junk) throws JsonProcessingException {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> r : records) lines.add(COMPACT.writeValueAsString(r));
        int at = Math.min(where, lines.size());
        lines.add(at, junk);
        MemoryFile.Collected c = MemoryFile.collect(READER, MemoryFile.utf8("j.json", String.join("\n", lines) + "\n"));
        assertThat(c.events()).hasSize(records.size());
        assertThat(c.result().warnings()).singleElement().asString().startsWith("line " + (at + 1) + " ");
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("{\"EventID\": 1,", "{\"a\":\"open", "{]", "{\"x\":1,}", "{\"a\":tru}", "1234", "\"text\""));
    }

    @Property(tries = 300)
    void eventTimesReadWhatExportersWrite(@ForAll @IntRange(min = 1601, max = 9998) int year,
                                          @ForAll @IntRange(min = 0, max = 365 * 24 * 3600 - 1) int secondOfYear,
                                          @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                          @ForAll @IntRange(min = -14 * 60, max = 14 * 60) int offsetMinutes) {
        LocalDateTime local = LocalDateTime.of(year, 1, 1, 0, 0).plusSeconds(secondOfYear).withNano(nanos);
        Instant utc = local.toInstant(ZoneOffset.UTC);
        assertThat(EventTimes.parse(local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS")) + "Z")).isEqualTo(utc);
        assertThat(EventTimes.parse(local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"))))
                .isEqualTo(utc.minusNanos(nanos));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
        String withOffset = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")) + offset.getId().replace("Z", "+00:00");
        assertThat(EventTimes.parse(withOffset)).isEqualTo(local.withNano(nanos / 1_000_000 * 1_000_000).toInstant(offset));
    }

    @Property(tries = 500)
    void aFieldIsFoundUnderEveryNameThatEqualsItIgnoringCase(@ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.constraints.StringLength(min = 1, max = 10) String> names,
                                                             @ForAll @IntRange(min = 0, max = 39) int pick,
                                                             @ForAll boolean rememberAskedNames) {
        FieldTable t = new FieldTable(rememberAskedNames);
        List<String> stored = new ArrayList<>();
        for (String n : names) {
            if (t.indexOf(n) < 0) {
                t.put(n, n, true);
                stored.add(n);
            }
        }
        String probe = names.get(pick % names.size());
        for (int round = 0; round < 2; round++) {
            for (String variant : List.of(probe, probe.toUpperCase(Locale.ROOT), probe.toLowerCase(Locale.ROOT))) {
                int i = t.indexOf(variant);
                boolean expected = stored.stream().anyMatch(s -> s.equalsIgnoreCase(variant));
                assertThat(i >= 0).as("%s among %s", variant, stored).isEqualTo(expected);
                if (i >= 0) assertThat(t.name(i)).isEqualToIgnoringCase(variant);
            }
        }
        assertThat(t.size()).isEqualTo(stored.size());
    }
}
