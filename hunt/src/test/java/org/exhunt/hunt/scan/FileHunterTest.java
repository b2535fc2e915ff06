package org.exhunt.hunt.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.hunt.report.ScanReport;
import org.junit.jupiter.api.Test;

/**
 * Hunting a server's files one by one, in any order and grouping, then merging the outcomes,
 * gives what one scan of the server's folder gives.
 */
class FileHunterTest {

    @Test
    void filesHuntedApartAndMergedGiveTheScansFindingsHostExposureAndVerdict() throws IOException {
        Path folder = example("proxylogon-compromised");
        ScanOptions options = ScanOptions.of(List.of(folder));
        ScanResult scanned = new Scanner().scan(options, ScanListener.NONE);

        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        Collections.reverse(files);
        FileHunter hunter = FileHunter.compile(options);
        List<FileHunter.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 3) {
            outcomes.addAll(hunter.hunt(files.subList(i, Math.min(files.size(), i + 3))));
        }
        ScanResult merged = hunter.result(outcomes, scanned.started(), scanned.finished());

        assertThat(scanned.findings()).isNotEmpty();
        assertThat(merged.findings()).isEqualTo(scanned.findings());
        assertThat(merged.coverage()).containsExactlyInAnyOrderElementsOf(scanned.coverage());
        assertThat(merged.host()).isEqualTo(scanned.host()).isNotNull();
        assertThat(merged.exposure()).isEqualTo(scanned.exposure());
        assertThat(merged.events()).isEqualTo(scanned.events());
        ScanReport a = ReportAssembler.assemble(scanned, "test");
        ScanReport b = ReportAssembler.assemble(merged, "test");
        assertThat(b.judgement()).isEqualTo(a.judgement());
        assertThat(b.chains()).isEqualTo(a.chains());
    }

    private static Path example(String name) {
        String root = System.getProperty("exhunt.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path folder = base.resolve("examples").resolve(name).toAbsolutePath().normalize();
        assertThat(folder).as("example %s (set exhunt.root to the project root)", name).isDirectory();
        return folder;
    }
}
