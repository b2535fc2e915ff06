package org.exhunt.hunt.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {

    @TempDir
    Path dir;

    private static byte[] line(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(JournalReader.frame(json.getBytes(StandardCharsets.UTF_8)));
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void entriesWrittenByTheJournalReadBackInOrderWithTheirFields() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.append("copy", "path", "/srv/a b\n\"c\".aspx", "tmp", "files/1.part");
            j.append("stored", "path", "/srv/a b\n\"c\".aspx", "sha256", "ab", "tmp", "files/1.part");
        }

        JournalReader.Contents c = Journal.readExisting(dir);

        assertThat(c.entries()).extracting(JournalEntry::op).containsExactly("copy", "stored");
        assertThat(c.entries().get(0).get("path")).isEqualTo("/srv/a b\n\"c\".aspx");
        assertThat(c.entries().get(1).fields()).containsKeys("path", "sha256", "tmp");
        assertThat(c.damagedLines()).isZero();
        assertThat(c.tornTail()).isFalse();
    }

    @Test
    void aLineCutShortIsATornTailAndTheLinesBeforeItCount() {
        byte[] whole = line("{\"op\":\"remove\",\"path\":\"/x\"}");
        byte[] data = concat(line("{\"op\":\"run\"}"), java.util.Arrays.copyOf(whole, whole.length - 5));

        JournalReader.Contents c = JournalReader.read(data);

        assertThat(c.entries()).extracting(JournalEntry::op).containsExactly("run");
        assertThat(c.tornTail()).isTrue();
    }

    @Test
    void aLineWhoseChecksumDoesNotHoldIsIgnoredButTheLinesAfterItCount() {
        byte[] bad = line("{\"op\":\"removed\",\"path\":\"/x\"}");
        bad[12] = (byte) (bad[12] ^ 1);
        byte[] data = concat(line("{\"op\":\"run\"}"), bad, line("{\"op\":\"done\"}"));

        JournalReader.Contents c = JournalReader.read(data);

        assertThat(c.entries()).extracting(JournalEntry::op).containsExactly("run", "done");
        assertThat(c.damagedLines()).isEqualTo(1);
    }

    @Test
    void wellFramedLinesThatAreNotEntriesAreIgnored() {
        byte[] data = concat(line("[1,2]"), line("{\"path\":\"/x\"}"), line("{\"op\":3}"),
                line("{\"op\":\"copy\",\"size\":4}"), line("{\"op\":\"copy\"} trailing"), line("{\"op\":\"ok\",\"n\":null}"));

        JournalReader.Contents c = JournalReader.read(data);

        assertThat(c.entries()).extracting(JournalEntry::op).containsExactly("ok");
        assertThat(c.entries().get(0).fields()).containsEntry("n", null);
        assertThat(c.damagedLines()).isEqualTo(5);
    }

    @Test
    void upperCaseChecksumDigitsAreNotWhatTheJournalWrites() {
        String framed = new String(line("{\"op\":\"run\"}"), StandardCharsets.US_ASCII);
        String upper = framed.substring(0, 8).toUpperCase() + framed.substring(8);
        boolean hasLetter = !framed.substring(0, 8).equals(upper.substring(0, 8));

        JournalReader.Contents c = JournalReader.read(upper.getBytes(StandardCharsets.US_ASCII));

        assertThat(c.entries()).hasSize(hasLetter ? 0 : 1);
    }

    @Test
    void reopeningAfterATornLineClosesItSoTheNextEntryIsWhole() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.append("run", "command", "quarantine");
        }
        Files.write(dir.resolve("journal"), "0000".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        try (Journal j = Journal.open(dir)) {
            j.append("done", "command", "quarantine");
        }

        JournalReader.Contents c = Journal.readExisting(dir);

        assertThat(c.entries()).extracting(JournalEntry::op).containsExactly("run", "done");
        assertThat(c.damagedLines()).isEqualTo(1);
        assertThat(c.tornTail()).isFalse();
    }

    @Test
    void anEmptyOrAbsentJournalHasNoEntries() throws Exception {
        assertThat(Journal.readExisting(dir).entries()).isEmpty();
        assertThat(JournalReader.read(new byte[0]).entries()).isEmpty();
        assertThat(JournalReader.read("\n\n\n".getBytes(StandardCharsets.US_ASCII)).damagedLines()).isZero();
    }
}
