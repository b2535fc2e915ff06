package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.Readers;
import org.junit.jupiter.api.Test;

class WindowsEvtxReaderTest {

    private static final WindowsEvtxReader EVTX = new WindowsEvtxReader();
    private static final WindowsJsonReader JSON = new WindowsJsonReader();

    /**
     * Field values as text, so a number read from EVTX and the same number in JSON compare equal.
     * Two renderings differ on purpose: EVTX values keep the braces Windows writes around GUIDs
     * (rules match {@code SubcategoryGuid: '{0CCE9217-…}'}), which evtx_dump drops, and the full
     * 100 ns precision of TimeCreated, which evtx_dump cuts to microseconds. Letter case is
     * folded because one export in the corpus differs from its own EVTX file there
     * ({@code Explorer.exe} where the log, read by python-evtx too, holds {@code Explorer.EXE}).
     */
    private static Map<String, Object> asText(LogEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((WindowsEvent) e).fields().forEach((k, v) -> {
            if (k.equals("TimeCreated_SystemTime")) return;
            out.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : v == null ? null : v.toString().replaceAll("^\\{([0-9A-Fa-f-]{36})}$", "$1").toLowerCase(java.util.Locale.ROOT));
        });
        return out;
    }

    @Test
    void anEvtxFileGivesTheSameEventsAsItsEvtxDumpExport() throws Exception {
        Path data = CorpusFiles.root().resolve("sigma/regression_data");
        assertThat(data).as("corpus folder (set -Dexhunt.corpus)").isDirectory();
        List<Path> files;
        try (var walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(150);
        int events = 0;
        for (Path evtx : files) {
            Path json = Path.of(evtx.toString().replaceAll("\\.evtx$", ".json"));
            MemoryFile.Collected fromEvtx = MemoryFile.collect(EVTX, new MemoryFile(evtx.toString(), Files.readAllBytes(evtx)));
            MemoryFile.Collected fromJson = MemoryFile.collect(JSON, new MemoryFile(json.toString(), Files.readAllBytes(json)));
            assertThat(fromEvtx.result().status()).as(evtx.toString()).isEqualTo("read");
            assertThat(fromEvtx.events()).as(evtx.toString()).hasSameSizeAs(fromJson.events());
            for (int i = 0; i < fromEvtx.events().size(); i++) {
                LogEvent a = fromEvtx.event(i);
                LogEvent b = fromJson.event(i);
                assertThat(asText(a)).as("%s record %d", evtx, i).isEqualTo(asText(b));
                assertThat(a.logsource()).isEqualTo(b.logsource());
                assertThat(a.timestamp().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                        .isEqualTo(b.timestamp().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                assertThat(a.kind()).isEqualTo(SourceKind.WINDOWS_EVTX);
                // the record number in this file (an exported log numbers anew; EventRecordID keeps the original)
                assertThat(a.source().record()).isPositive();
                if (i > 0) assertThat(a.source().record()).isGreaterThan(fromEvtx.event(i - 1).source().record());
                assertThat(a.source().offset()).isPositive();
                events++;
            }
        }
        assertThat(events).isGreaterThan(200);
    }

    @Test
    void bytesThatAreNotAnEventLogFailWithTheReason() {
        MemoryFile.Collected c = MemoryFile.collect(EVTX, new MemoryFile("fake.evtx", "ElfFile\0 but nothing more".getBytes()));
        assertThat(c.events()).isEmpty();
        assertThat(c.result().status()).isIn("failed", "partial");
        assertThat(String.valueOf(c.result().error()) + c.result().warnings()).isNotBlank();
    }

    @Test
    void aDamagedEventLogKeepsTheRecordsBeforeTheDamageAndSaysWhere() throws Exception {
        Path sample = CorpusFiles.require("sigma/regression_data/rules/windows/builtin/wmi/"
                + "win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.evtx");
        byte[] whole = Files.readAllBytes(sample);
        List<LogEvent> all = new ArrayList<>(MemoryFile.collect(EVTX, new MemoryFile("whole.evtx", whole)).events());
        assertThat(all).isNotEmpty();
        byte[] cut = java.util.Arrays.copyOf(whole, (int) all.get(all.size() - 1).source().offset() + 40);
        MemoryFile.Collected c = MemoryFile.collect(EVTX, new MemoryFile("cut.evtx", cut));
        assertThat(c.events()).hasSize(all.size() - 1);
        assertThat(c.result().status()).isEqualTo("partial");
        assertThat(c.result().warnings()).isNotEmpty();
    }

    @Test
    void readersKnowTheEvtxKind() {
        assertThat(Readers.forKind(SourceKind.WINDOWS_EVTX)).isInstanceOf(WindowsEvtxReader.class);
    }
}
