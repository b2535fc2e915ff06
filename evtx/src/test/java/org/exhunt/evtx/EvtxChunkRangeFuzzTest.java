package org.exhunt.evtx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: any bytes, read as one-chunk ranges one after another, give exactly what reading
 * them whole gives (records and problems, in order), and never throw. Runs its seeds as a
 * regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class EvtxChunkRangeFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void rangesOfAnyBytesReadAsTheWhole(byte[] data) throws IOException {
        // Raw bytes beyond one chunk, or a valid header and chunk built around them.
        byte[] file = data.length > 4096 ? data : EvtxFuzzInput.asEvtx(data);
        List<String> whole = new ArrayList<>();
        EvtxReader.sequential().read(file, tape(whole));
        List<String> split = new ArrayList<>();
        int slots = Math.max(1, (file.length - 4096 + 65535) / 65536);
        for (int first = 0; first < slots; first++) {
            EvtxReader.sequential().read(new ByteArrayInputStream(file), first, 1, tape(split));
        }
        if (!split.equals(whole)) {
            throw new IllegalStateException("ranges read " + split + ", the whole file " + whole);
        }
    }

    private static RecordSink tape(List<String> lines) {
        return new RecordSink() {
            @Override
            public void record(EvtxRecord r) {
                lines.add("record " + r.recordId() + " @" + r.fileOffset() + " " + r.toJson().length());
            }

            @Override
            public void problem(EvtxProblem p) {
                lines.add("problem " + p);
            }
        };
    }
}
