package org.exhunt.hunt.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz target: any bytes given as an archive are walked into files and problems, never an
 * exception, and every file found can be read to its end or fails with an IOException.
 */
class DiscoveryFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void walking_any_archive_bytes_never_throws(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("exhunt-fuzz-");
        Path archive = dir.resolve("input.zip");
        try {
            Files.write(archive, data);
            EvidenceLimits limits = EvidenceLimits.defaults().withMaxExpandedBytes(16L << 20);
            try (Discovery d = Discovery.of(List.of(archive), limits)) {
                for (Classified c : d.files()) {
                    try (InputStream in = c.file().open()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException expected) {
                        // a broken entry may fail to read; it must not fail the walk
                    }
                }
            }
        } finally {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(dir);
        }
    }
}
