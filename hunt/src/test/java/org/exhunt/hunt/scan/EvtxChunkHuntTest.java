package org.exhunt.hunt.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.read.windows.EvtxChunkRangeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EVTX file hunted as chunk ranges, the ranges' outcomes joined and their held matches
 * correlated, gives what hunting the whole file gives: the same findings (correlations included),
 * the same coverage line, the same host.
 */
class EvtxChunkHuntTest {

    /** Security log of an SMB password guessing run: thousands of 4625 failed logons over ~49 chunks. */
    private static final String GUESSING = "evtx/hayabusa-sample-evtx/DeepBlueCLI/smb-password-guessing-security.evtx";

    private static final String RULES = """
            title: Failed logon
            id: 0d7e9c8a-3b0f-4a4e-8f41-6f2b9b1c7e01
            name: chunk_test_failed_logon
            status: test
            logsource:
              product: windows
              service: security
            detection:
              selection:
                EventID: 4625
              condition: selection
            level: low
            ---
            title: Many failed logons of one account
            id: 0d7e9c8a-3b0f-4a4e-8f41-6f2b9b1c7e02
            status: test
            correlation:
              type: event_count
              rules:
                - chunk_test_failed_logon
              group-by:
                - TargetUserName
              timespan: 5m
              condition:
                gte: 20
            level: high
            """;

    @TempDir
    Path dir;

    @Test
    void chunkRangesJoinedGiveTheWholeFilesFindingsAndCoverage() throws IOException {
        Path file = CorpusFiles.require(GUESSING);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("guessing.yml"), RULES);
        ScanOptions options = new ScanOptions(List.of(file), List.of(rules), true, null, null, 1, Level.MEDIUM);
        FileHunter hunter = FileHunter.compile(options);
        ScanResult whole = hunter.result(hunter.hunt(List.of(file)), null, null);

        long slots = EvtxChunkRangeReader.chunkSlots(Files.size(file));
        assertThat(slots).as("chunks of %s", file).isGreaterThan(10);
        List<HeldMatch> held = new ArrayList<>();
        List<FileHunter.Outcome> parts = new ArrayList<>();
        for (int first = 0; first < slots; first += 7) {
            parts.add(hunter.huntEvtxChunks(evidence(file), first, 7, held::add));
        }
        List<FileHunter.Outcome> outcomes = new ArrayList<>();
        outcomes.add(FileHunter.joinParts(parts));
        outcomes.addAll(hunter.correlate(held));
        ScanResult split = hunter.result(outcomes, null, null);

        assertThat(whole.findings()).anySatisfy(f -> assertThat(f.rule().id()).endsWith("7e02"));
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(split.coverage()).isEqualTo(whole.coverage());
        assertThat(split.events()).isEqualTo(whole.events()).isGreaterThan(1000);
        assertThat(split.host()).isEqualTo(whole.host());
        assertThat(outcomes.get(0).bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void aRangeReportsOnlyItsOwnEventsUnderTheFilesName() throws IOException {
        Path file = CorpusFiles.require(GUESSING);
        FileHunter hunter = FileHunter.compile(new ScanOptions(List.of(file), List.of(), true, null, null, 1, Level.MEDIUM));
        ScanResult whole = hunter.result(hunter.hunt(List.of(file)), null, null);

        FileHunter.Outcome part = hunter.huntEvtxChunks(evidence(file), 2, 3, m -> { });

        assertThat(part.coverage().path()).isEqualTo(file.toString());
        assertThat(part.coverage().events()).isPositive().isLessThan(whole.events());
        for (Finding f : part.findings()) {
            assertThat(f.source().offset()).isBetween(4096L + 2 * 65536, 4096L + 5 * 65536);
        }
    }

    private static EvidenceFile evidence(Path file) throws IOException {
        long size = Files.size(file);
        return new EvidenceFile() {
            @Override
            public String path() {
                return file.toString();
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
