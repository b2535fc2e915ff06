package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvtxCommandTest {

    private static final String SYSMON_FILES =
            "sigma/regression_data/rules/windows/file/file_event/file_event_win_hktl_netexec_file_indicators/efc21479-9e83-41da-8cf1-122e06ba8db3";
    private static final String MULTI_CHUNK = "evtx/EVTX-ATTACK-SAMPLES/AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void jsonDumpIsTheSameDocumentSequenceAsEvtxDumpWrites() throws Exception {
        Path evtx = Cli.corpus(SYSMON_FILES + ".evtx");
        Cli.Run run = Cli.run("evtx", "dump", "--format", "json", evtx.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(documents(run.out())).isEqualTo(documents(Files.readString(Cli.corpus(SYSMON_FILES + ".json"))));
    }

    @Test
    void jsonlDumpWritesOneObjectPerRecordAndXmlOneEventPerRecord() throws Exception {
        Path evtx = Cli.corpus(SYSMON_FILES + ".evtx");
        int records = documents(Files.readString(Cli.corpus(SYSMON_FILES + ".json"))).size();
        Cli.Run jsonl = Cli.run("evtx", "dump", "-f", "jsonl", evtx.toString());
        List<String> lines = jsonl.out().lines().toList();
        assertThat(lines).hasSize(records);
        for (String line : lines) {
            assertThat(JSON.readTree(line).at("/Event/System/Channel").asText()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        }
        Cli.Run xml = Cli.run("evtx", "dump", evtx.toString());
        assertThat(xml.out().split("<Event xmlns=", -1)).hasSize(records + 1);
        assertThat(xml.exit()).isZero();
    }

    @Test
    void aDamagedFileIsDumpedAsFarAsItReadsAndExitsOneNamingTheOffset() throws Exception {
        byte[] bytes = Files.readAllBytes(Cli.corpus(MULTI_CHUNK));
        int chunkStart = 4096 + 2 * 65536;
        Arrays.fill(bytes, chunkStart, chunkStart + 65536, (byte) 0);
        Path damaged = tmp.resolve("damaged.evtx");
        Files.write(damaged, bytes);
        Cli.Run run = Cli.run("evtx", "dump", "-f", "jsonl", damaged.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("damaged.evtx: offset " + chunkStart).contains("chunk 2").contains("records are lost");
        assertThat(run.out().lines().count()).isGreaterThan(400);
    }

    @Test
    void aFileThatIsNotEvtxOrIsMissingExitsTwo() throws Exception {
        Path text = tmp.resolve("notes.evtx");
        Files.writeString(text, "not an event log\n".repeat(500));
        Cli.Run run = Cli.run("evtx", "dump", text.toString(), tmp.resolve("missing.evtx").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("notes.evtx: not an EVTX file").contains("missing.evtx: no such file");
        assertThat(run.out()).isEmpty();
    }

    private static List<JsonNode> documents(String text) throws Exception {
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
            return it.readAll();
        }
    }
}
