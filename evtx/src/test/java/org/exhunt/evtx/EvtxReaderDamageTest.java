package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged files: truncated, bit-flipped, chunks zeroed. Nothing throws, every record of an
 * intact chunk still comes out unchanged, and the problems say where the damage is.
 */
class EvtxReaderDamageTest {

    /** 15 chunks of Sysmon events. */
    private static final String MULTI_CHUNK = "evtx/EVTX-ATTACK-SAMPLES/AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx";
    private static final int CHUNK = 65536;
    private static final int HEADER = 4096;

    private static byte[] original;
    private static List<Read> intact;

    record Read(int chunk, long offset, String xml) {
    }

    @BeforeAll
    static void readIntactFile() throws IOException {
        original = Files.readAllBytes(Corpus.path(MULTI_CHUNK));
        Result r = read(original);
        assertThat(r.summary.problems()).isEmpty();
        assertThat(r.summary.recognised()).isTrue();
        assertThat(r.summary.chunks()).isGreaterThanOrEqualTo(10);
        intact = r.records;
    }

    @Test
    void aZeroedChunkIsSkippedWithAProblemNamingItsOffsetAndEveryOtherChunkReadsUnchanged() {
        for (int victim : new int[] {0, 5, 14}) {
            byte[] damaged = original.clone();
            Arrays.fill(damaged, HEADER + victim * CHUNK, HEADER + (victim + 1) * CHUNK, (byte) 0);
            Result r = read(damaged);
            assertThat(r.records).isEqualTo(without(victim));
            assertThat(r.summary.problems()).anySatisfy(p -> {
                assertThat(p.offset()).isEqualTo(HEADER + (long) victim * CHUNK);
                assertThat(p.chunkIndex()).isEqualTo(victim);
                assertThat(p.message()).contains("magic").contains("records are lost");
            });
        }
    }

    @Test
    void aTruncatedFileKeepsEveryRecordBeforeTheCutAndSaysWhereItEnds() {
        Random random = new Random(20210302);
        for (int i = 0; i < 25; i++) {
            int cut = HEADER + random.nextInt(original.length - HEADER);
            byte[] damaged = Arrays.copyOf(original, cut);
            Result r = read(damaged);
            int cutChunk = (cut - HEADER) / CHUNK;
            List<Read> before = intact.stream().filter(x -> x.chunk() < cutChunk).toList();
            assertThat(r.records.size()).as("cut at %d", cut).isGreaterThanOrEqualTo(before.size());
            assertThat(r.records.subList(0, before.size())).as("cut at %d", cut).isEqualTo(before);
            assertThat(r.records).as("cut at %d", cut).isSubsetOf(intact);
            boolean cutThroughUsedChunk = intact.stream().anyMatch(x -> x.chunk() >= cutChunk);
            if (cutThroughUsedChunk) {
                assertThat(r.summary.problems()).as("cut at %d", cut).isNotEmpty();
                assertThat(r.summary.problems()).as("cut at %d", cut)
                        .anySatisfy(p -> assertThat(p.message()).contains("file ends").contains("lost"));
            } else {
                assertThat(r.records).as("cut in unused space at %d", cut).isEqualTo(intact);
            }
        }
    }

    @Test
    void bitFlipsInsideOneChunkLeaveEveryOtherChunkUnchanged() {
        Random random = new Random(26855);
        for (int i = 0; i < 40; i++) {
            int victim = random.nextInt(15);
            byte[] damaged = original.clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                int at = HEADER + victim * CHUNK + random.nextInt(CHUNK);
                damaged[at] ^= (byte) (1 << random.nextInt(8));
            }
            Result r = read(damaged);
            List<Read> others = r.records.stream().filter(x -> x.chunk() != victim).toList();
            assertThat(others).as("flips in chunk %d", victim).isEqualTo(without(victim));
        }
    }

    @Test
    void aFlippedBitInTheRecordDataIsReportedAsAChecksumMismatchOfItsChunk() {
        byte[] damaged = original.clone();
        int victim = 3;
        damaged[HEADER + victim * CHUNK + 600] ^= 0x01;
        Result r = read(damaged);
        assertThat(r.summary.problems()).anySatisfy(p -> {
            assertThat(p.chunkIndex()).isEqualTo(victim);
            assertThat(p.message()).contains("checksum mismatch");
        });
    }

    @Test
    void randomDamageAnywhereNeverThrowsAndAlwaysEnds() {
        Random random = new Random(34473);
        for (int i = 0; i < 60; i++) {
            byte[] damaged = original.clone();
            int runs = 1 + random.nextInt(30);
            for (int k = 0; k < runs; k++) {
                int at = random.nextInt(damaged.length);
                int len = Math.min(damaged.length - at, 1 + random.nextInt(64));
                for (int j = 0; j < len; j++) {
                    damaged[at + j] = (byte) random.nextInt(256);
                }
            }
            Result r = read(damaged);
            assertThat(r.records.size()).isLessThanOrEqualTo(intact.size() + 50);
        }
    }

    @Test
    void bytesThatAreNotAnEvtxFileGiveProblemsAndNoRecords() {
        EvtxSummary empty = EvtxReader.sequential().read(new byte[0], r -> { });
        assertThat(empty.records()).isZero();
        assertThat(empty.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("shorter than an EVTX file header"));

        byte[] text = new byte[HEADER + CHUNK];
        Arrays.fill(text, (byte) 'A');
        EvtxSummary notEvtx = EvtxReader.sequential().read(text, r -> { });
        assertThat(notEvtx.records()).isZero();
        assertThat(notEvtx.recognised()).isFalse();
        assertThat(notEvtx.problems()).extracting(EvtxProblem::message).anySatisfy(m -> assertThat(m).contains("ElfFile"));
    }

    @Test
    void parallelReadingDeliversTheSameRecordsInFileOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Read> records = new ArrayList<>();
            List<EvtxProblem> seen = new ArrayList<>();
            byte[] damaged = original.clone();
            Arrays.fill(damaged, HEADER + 7 * CHUNK, HEADER + 8 * CHUNK, (byte) 0);
            EvtxSummary s = EvtxReader.parallel(pool).read(damaged, new RecordSink() {
                @Override
                public void record(EvtxRecord r) {
                    records.add(toRead(r));
                }

                @Override
                public void problem(EvtxProblem problem) {
                    seen.add(problem);
                }
            });
            assertThat(records).isEqualTo(read(damaged).records);
            assertThat(seen).isEqualTo(s.problems()).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Read> without(int chunk) {
        return intact.stream().filter(x -> x.chunk() != chunk).toList();
    }

    private record Result(List<Read> records, EvtxSummary summary) {
    }

    private static Result read(byte[] data) {
        List<Read> records = new ArrayList<>();
        EvtxSummary s = EvtxReader.sequential().read(data, r -> records.add(toRead(r)));
        return new Result(records, s);
    }

    private static Read toRead(EvtxRecord r) {
        return new Read(r.chunkIndex(), r.fileOffset(), r.toXml() + r.toJson());
    }
}
