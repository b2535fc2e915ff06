package org.exhunt.hunt.read.windows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;

/**
 * Fuzz target: any bytes read as a Windows JSON export end in a result, never an exception, and
 * every event can be looked at whole and kept. Runs its seeds as a regression test; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class WindowsJsonReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void reading_any_bytes_never_throws(byte[] data) {
        long[] seen = {0};
        ReadResult r = Readers.forKind(SourceKind.WINDOWS_JSON).read(new MemoryFile("fuzz.json", data), e -> {
            LogEvent kept = e.retain();
            for (String v : kept.values()) {
                if (v == null) throw new IllegalStateException("values() holds null");
            }
            if (e.logsource() == null) throw new IllegalStateException("an event without a logsource");
            if (!java.util.Objects.equals(kept.get("EventID"), e.get("eventid"))) throw new IllegalStateException("lookup depends on letter case");
            e.get("Data");
            seen[0]++;
        });
        if (r.events() != seen[0]) throw new IllegalStateException("result counts " + r.events() + ", saw " + seen[0]);
        if (r.status() == null) throw new IllegalStateException("no status");
    }
}
