package org.exhunt.hunt.quarantine;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;

/**
 * Fuzz target: a journal is read back after a crash, from a disk that may hold anything. Any
 * bytes end in entries and counts, never an exception. The bytes are read once as they are and
 * once with every line framed with a correct checksum, so the JSON side is reached too. Runs its
 * seeds as a regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class JournalReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void readingAnyBytesNeverThrows(byte[] data) {
        check(JournalReader.read(data), data);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                byte[] payload = java.util.Arrays.copyOfRange(data, start, i);
                framed.writeBytes(JournalReader.frame(payload));
                framed.write('\n');
                start = i + 1;
            }
        }
        byte[] all = framed.toByteArray();
        check(JournalReader.read(all), all);
    }

    private static void check(JournalReader.Contents c, byte[] data) {
        int lines = 0;
        for (byte b : data) if (b == '\n') lines++;
        if (c.entries().size() + c.damagedLines() > lines) {
            throw new IllegalStateException(c.entries().size() + " entries and " + c.damagedLines()
                    + " damaged lines from " + lines + " lines");
        }
        for (JournalEntry e : c.entries()) {
            if (e.op() == null || e.op().isEmpty()) throw new IllegalStateException("an entry without op");
        }
    }
}
