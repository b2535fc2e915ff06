package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file read as consecutive chunk ranges gives, range after range, exactly what reading it whole
 * gives: the same records at the same offsets, and every problem once.
 */
class EvtxChunkRangeTest {

    /** 15 chunks of Sysmon events. */
    private static final String MULTI_CHUNK = "evtx/EVTX-ATTACK-SAMPLES/AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx";
    private static final int CHUNK = 65536;
    private static final int HEADER = 4096;

    /** What a reader delivered, in order: a line per record and per problem. */
    private static final class Tape implements RecordSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void record(EvtxRecord r) {
            lines.add("record " + r.recordId() + " @" + r.fileOffset() + " chunk " + r.chunkIndex() + " " + r.eventId()
                    + " " + r.timestamp());
        }

        @Override
        public void problem(EvtxProblem p) {
            lines.add("problem " + p);
        }
    }

    @ParameterizedTest(name = "ranges of {0} chunks")
    @ValueSource(ints = {1, 2, 4, 7, 100})
    void rangesTogetherGiveTheRecordsOfTheWholeFile(int perRange) throws IOException {
        Path file = Corpus.path(MULTI_CHUNK);
        Tape whole = new Tape();
        EvtxSummary all = EvtxReader.sequential().read(file, whole);
        assertThat(all.chunks()).isGreaterThanOrEqualTo(10);

        Tape split = new Tape();
        long records = 0;
        int chunks = 0;
        int slots = (int) ((Files.size(file) - HEADER + CHUNK - 1) / CHUNK);
        for (int first = 0; first < slots; first += perRange) {
            EvtxSummary part = EvtxReader.sequential().read(file, first, perRange, split);
            assertThat(part.recognised()).isTrue();
            records += part.records();
            chunks += part.chunks();
        }

        assertThat(split.lines).isEqualTo(whole.lines);
        assertThat(records).isEqualTo(all.records());
        assertThat(chunks).isEqualTo(all.chunks());
    }

    /** Ranges of any lengths, one after another, over a file damaged at random: still the whole read. */
    @Property(tries = 40)
    void anyCutIntoConsecutiveRangesGivesTheWholeRead(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 9) Integer> lengths,
            @ForAll @IntRange(min = 0, max = 15 * CHUNK) int damageAt, @ForAll byte damage) throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.path(MULTI_CHUNK));
        int at = HEADER + Math.min(damageAt, bytes.length - HEADER - 1);
        bytes[at] ^= (byte) (damage | 1);
        Tape whole = new Tape();
        EvtxReader.sequential().read(bytes, whole);

        Tape split = new Tape();
        int slots = (bytes.length - HEADER + CHUNK - 1) / CHUNK;
        int first = 0;
        for (int i = 0; first < slots; i++) {
            int count = lengths.get(i % lengths.size());
            EvtxReader.sequential().read(new ByteArrayInputStream(bytes), first, count, split);
            first += count;
        }

        assertThat(split.lines).isEqualTo(whole.lines);
    }

    @Test
    void aRangeReadsOnlyItsOwnChunks() throws IOException {
        Tape tape = new Tape();
        EvtxSummary s = EvtxReader.sequential().read(Corpus.path(MULTI_CHUNK), 3, 2, tape);

        assertThat(s.chunks()).isEqualTo(2);
        assertThat(s.records()).isPositive();
        assertThat(tape.lines).allSatisfy(l -> assertThat(l).containsPattern(" chunk [34] "));
    }

    @Test
    void headerProblemsAreReportedByTheFirstRangeOnly() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.path(MULTI_CHUNK));
        bytes[10] ^= 0x40; // inside the checksummed part of the file header

        Tape first = new Tape();
        EvtxReader.sequential().read(new ByteArrayInputStream(bytes), 0, 1, first);
        Tape later = new Tape();
        EvtxReader.sequential().read(new ByteArrayInputStream(bytes), 1, 1, later);

        assertThat(first.lines).anySatisfy(l -> assertThat(l).contains("checksum"));
        assertThat(later.lines).noneSatisfy(l -> assertThat(l).contains("checksum"));
        assertThat(later.lines).isNotEmpty();
    }

    @Test
    void aFileCutShortIsReportedByTheRangeThatReachesItsEnd() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.path(MULTI_CHUNK));
        byte[] cut = Arrays.copyOf(bytes, HEADER + 5 * CHUNK);

        Tape before = new Tape();
        EvtxReader.sequential().read(new ByteArrayInputStream(cut), 0, 5, before);
        Tape atEnd = new Tape();
        EvtxReader.sequential().read(new ByteArrayInputStream(cut), 5, 5, atEnd);
        Tape past = new Tape();
        EvtxSummary beyond = EvtxReader.sequential().read(new ByteArrayInputStream(cut), 10, 5, past);

        assertThat(before.lines).noneSatisfy(l -> assertThat(l).contains("file ends after"));
        assertThat(atEnd.lines).containsExactly(atEnd.lines.get(0));
        assertThat(atEnd.lines.get(0)).contains("file ends after 5 chunks");
        assertThat(past.lines).isEmpty();
        assertThat(beyond.records()).isZero();
    }

    @Test
    void aNegativeRangeIsRefusedWithTheValuesGiven() {
        assertThatThrownBy(() -> EvtxReader.sequential().read(new ByteArrayInputStream(new byte[0]), -1, 3, new Tape()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first -1");
    }
}
