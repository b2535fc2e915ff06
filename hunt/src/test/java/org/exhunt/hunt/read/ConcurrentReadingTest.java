package org.exhunt.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.hunt.event.SourceKind;
import org.junit.jupiter.api.Test;

/** One reader instance serves several threads, each reading its own file, without crosstalk. */
class ConcurrentReadingTest {

    private static MemoryFile iisFile(int n) {
        StringBuilder sb = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\r\n"
                + "#Fields: date time c-ip cs-uri-stem cs(User-Agent)\r\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append("2021-03-0").append(1 + n % 9).append(" 01:02:03 10.0.").append(n).append('.').append(i % 250)
                    .append(" /file").append(n).append('/').append(i).append(" agent+").append(n).append("\r\n");
        }
        return MemoryFile.utf8("f" + n + ".log", sb.toString());
    }

    /** A fingerprint of everything a file's events carry. */
    private static String fingerprint(EventReader reader, MemoryFile f) {
        StringBuilder sb = new StringBuilder();
        ReadResult r = reader.read(f, e -> sb.append(e.get("c-ip")).append('|').append(e.get("cs-uri-stem")).append('|')
                .append(e.get("cs-user-agent")).append('|').append(e.source()).append('|').append(e.timestamp()).append('\n'));
        return r.events() + ":" + r.status() + ":" + sb.toString().hashCode() + ":" + sb.length();
    }

    @Test
    void filesReadOnSeveralThreadsAtOnceGiveTheSameEventsAsReadAlone() throws Exception {
        EventReader reader = Readers.forKind(SourceKind.IIS_W3C);
        List<MemoryFile> files = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            files.add(iisFile(n));
            alone.add(fingerprint(reader, files.get(n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<String>> futures = new ArrayList<>();
                for (MemoryFile f : files) futures.add(pool.submit(() -> fingerprint(reader, f)));
                for (int n = 0; n < files.size(); n++) {
                    assertThat(futures.get(n).get()).as("file %d", n).isEqualTo(alone.get(n));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).startsWith("5000:read:"));
    }
}
