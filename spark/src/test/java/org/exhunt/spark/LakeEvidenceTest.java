package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.exhunt.evtx.EvtxProblem;
import org.exhunt.evtx.EvtxReader;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.RecordSink;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lake file opened through Hadoop seeks when skipped, so a chunk range is read without what lies before it. */
class LakeEvidenceTest {

    @TempDir
    Path dir;

    @Test
    void aSkipOnAHadoopFileSeeksAndAChunkRangeReadsAsFromTheLocalFile() throws IOException {
        byte[] bytes = new byte[4096 + 5 * 65536];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Path file = Files.write(dir.resolve("Security.evtx"), bytes);
        EvidenceFile evidence = LakeEvidence.hadoop(file.toUri().toString(), "lake/EXCH01/Security.evtx",
                bytes.length, new Configuration());

        try (InputStream in = evidence.open()) {
            assertThat(in.skip(4096 + 2 * 65536)).isEqualTo(4096 + 2 * 65536);
            assertThat(in.read()).isEqualTo(bytes[4096 + 2 * 65536] & 0xff);
            assertThat(in.skip(10L * bytes.length)).as("a skip stops at the end").isEqualTo(bytes.length - (4096 + 2 * 65536 + 1));
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(evidence.path()).isEqualTo("lake/EXCH01/Security.evtx");
        assertThat(evidence.size()).isEqualTo(bytes.length);

        List<String> local = new ArrayList<>();
        EvtxReader.sequential().read(file, 2, 2, tape(local));
        List<String> viaHadoop = new ArrayList<>();
        try (InputStream in = evidence.open()) {
            EvtxReader.sequential().read(in, 2, 2, tape(viaHadoop));
        }
        assertThat(local).as("problems of chunks 2 and 3 of a damaged file").isNotEmpty();
        assertThat(viaHadoop).isEqualTo(local);
    }

    private static RecordSink tape(List<String> lines) {
        return new RecordSink() {
            @Override
            public void record(EvtxRecord r) {
                lines.add("record " + r.recordId() + " @" + r.fileOffset());
            }

            @Override
            public void problem(EvtxProblem p) {
                lines.add("problem " + p);
            }
        };
    }
}
