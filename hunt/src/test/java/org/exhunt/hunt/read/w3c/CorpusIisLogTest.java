package org.exhunt.hunt.read.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.MemoryFile.Collected;
import org.junit.jupiter.api.Test;

/** The real IIS 10 log of a Tunna web-shell tunnel from the shared corpus. */
class CorpusIisLogTest {

    private static final String FILE = "logs/EVTX-ATTACK-SAMPLES/Command and Control/Tunna_rdp_tunnel_IIS.log";

    @Test
    void everyDataLineOfTheRealIisLogIsReadWithTheRightValuesAndTimeRange() throws IOException {
        Path path = CorpusFiles.require(FILE);
        byte[] bytes = Files.readAllBytes(path);
        List<String> dataLines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) dataLines.add(line);
        }

        Collected c = MemoryFile.collect(new W3cReader(), new MemoryFile("Tunna_rdp_tunnel_IIS.log", bytes));

        assertThat(c.result().status()).isEqualTo("read");
        assertThat(c.result().events()).isEqualTo(dataLines.size()).isGreaterThan(4000);
        LogEvent first = c.event(0);
        assertThat(first.get("cs-method")).isEqualTo("GET");
        assertThat(first.get("cs-uri-stem")).isEqualTo("/erp/conn.aspx");
        assertThat(first.get("cs-uri-query")).isEqualTo("proxy&port=3389&ip=127.0.0.1");
        assertThat(first.get("c-ip")).isEqualTo("10.0.2.17");
        assertThat(first.get("s-port")).isEqualTo("80");
        assertThat(first.get("cs-user-agent")).isNull();
        assertThat(first.get("sc-status")).isEqualTo("200");
        assertThat(first.source().line()).isEqualTo(7);
        assertThat(c.result().first()).isEqualTo(Instant.parse("2019-09-03T10:13:36Z"));
        String lastLine = dataLines.get(dataLines.size() - 1);
        Instant lastStamp = Instant.parse(lastLine.substring(0, 10) + "T" + lastLine.substring(11, 19) + "Z");
        assertThat(c.result().last()).isEqualTo(lastStamp).isAfter(c.result().first());
        for (int i = 0; i < dataLines.size(); i++) {
            String[] cols = dataLines.get(i).split(" ");
            LogEvent e = c.event(i);
            assertThat(e.get("c-ip")).as("line %d", e.source().line()).isEqualTo(cols[8]);
            assertThat(e.get("cs-uri-stem")).as("line %d", e.source().line()).isEqualTo(cols[4]);
            assertThat(e.get("time-taken")).as("line %d", e.source().line()).isEqualTo(cols[14]);
        }
    }
}
