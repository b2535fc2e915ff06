package org.exhunt.hunt.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JournalProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<JournalEntry> entries() {
        Arbitrary<String> ops = Arbitraries.of("run", "copy", "stored", "remove", "removed", "restore", "restored");
        Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<Map<String, String>> fields = Arbitraries.maps(Arbitraries.of("path", "tmp", "sha256", "now", "by"), values)
                .ofMaxSize(4);
        return Combinators.combine(ops, fields).as(JournalEntry::new);
    }

    private static byte[] write(List<JournalEntry> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JournalEntry e : entries) {
            ObjectNode n = JSON.createObjectNode().put("op", e.op());
            e.fields().forEach(n::put);
            out.writeBytes(JournalReader.frame(JSON.writeValueAsBytes(n)));
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Property
    void everyWrittenEntryReadsBackUnchanged(@ForAll @Size(max = 8) List<@net.jqwik.api.From("entries") JournalEntry> entries)
            throws Exception {
        JournalReader.Contents c = JournalReader.read(write(entries));

        assertThat(c.entries()).isEqualTo(entries);
        assertThat(c.damagedLines()).isZero();
        assertThat(c.tornTail()).isFalse();
    }

    @Property
    void aJournalCutAnywhereReadsAsAPrefixOfWhatWasWritten(
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("entries") JournalEntry> entries,
            @ForAll @IntRange(min = 0, max = 10_000) int cutAt) throws Exception {
        byte[] all = write(entries);
        byte[] cut = Arrays.copyOf(all, Math.min(cutAt, all.length));

        JournalReader.Contents c = JournalReader.read(cut);

        assertThat(entries.subList(0, c.entries().size())).isEqualTo(c.entries());
        assertThat(c.damagedLines()).isZero();
        assertThat(c.tornTail()).isEqualTo(cut.length > 0 && cut[cut.length - 1] != '\n');
    }

    @Property
    void aFlippedByteLosesAtMostTheLineItIsIn(
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("entries") JournalEntry> entries,
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll @IntRange(min = 1, max = 255) int mask)
            throws Exception {
        byte[] data = write(entries);
        int i = at % data.length;
        data[i] = (byte) (data[i] ^ mask);

        JournalReader.Contents c = JournalReader.read(data);

        List<JournalEntry> kept = new ArrayList<>(c.entries());
        assertThat(kept.size()).isBetween(entries.size() - 2, entries.size());
        for (JournalEntry e : kept) assertThat(entries).contains(e);
    }
}
