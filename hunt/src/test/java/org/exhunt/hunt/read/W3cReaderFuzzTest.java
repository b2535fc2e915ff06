package org.exhunt.hunt.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;

/**
 * Fuzz target: any bytes read as an IIS log end in a result, never an exception, and every event
 * can be looked at whole. Runs its seeds as a regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class W3cReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void reading_any_bytes_never_throws(byte[] data) {
        long[] seen = {0};
        ReadResult r = Readers.forKind(SourceKind.IIS_W3C).read(new MemoryFile("fuzz.log", data), e -> {
            LogEvent kept = e.retain();
            for (String v : kept.values()) {
                if (v == null) throw new IllegalStateException("values() holds null");
            }
            e.get("cs-uri-query-decoded");
            e.get("cs-uri");
            seen[0]++;
        });
        if (r.events() != seen[0]) throw new IllegalStateException("result counts " + r.events() + ", saw " + seen[0]);
        if (r.status() == null) throw new IllegalStateException("no status");
    }
}
