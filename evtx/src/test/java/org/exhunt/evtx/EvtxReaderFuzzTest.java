package org.exhunt.evtx;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target: any bytes read as an EVTX file end in a summary, never an exception, and every
 * record delivered renders as XML and JSON. Runs its seeds as a regression test; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class EvtxReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void readingAnyBytesNeverThrows(byte[] data) {
        long[] seen = {0};
        EvtxSummary s = EvtxReader.sequential().read(EvtxFuzzInput.asEvtx(data), r -> {
            if (r.toXml().isEmpty() || r.toJson().isEmpty()) {
                throw new IllegalStateException("empty rendering");
            }
            r.eventId();
            r.systemTime();
            r.eventData();
            seen[0]++;
        });
        if (s.records() != seen[0]) {
            throw new IllegalStateException("summary counts " + s.records() + ", saw " + seen[0]);
        }
    }
}
