package org.exhunt.hunt.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhunt.hunt.event.SourceKind;

/**
 * Fuzz target: any bytes read as an Exchange ECP server log (the CSV reader with the EventData
 * splitter) end in a result, never an exception. Runs its seeds as a regression test; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class ExchangeCsvReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void reading_any_bytes_never_throws(byte[] data) {
        long[] seen = {0};
        ReadResult r = Readers.forKind(SourceKind.EXCHANGE_ECP).read(new MemoryFile("fuzz.LOG", data), e -> {
            e.retain();
            e.get("S:CMD");
            e.get("c-ip");
            seen[0]++;
        });
        if (r.events() != seen[0]) throw new IllegalStateException("result counts " + r.events() + ", saw " + seen[0]);
    }
}
