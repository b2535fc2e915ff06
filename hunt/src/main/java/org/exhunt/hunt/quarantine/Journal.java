package org.exhunt.hunt.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The write-ahead journal of a quarantine folder ({@code DIR/journal}): append-only lines, each
 * forced to the device before the step it announces begins, so that after a crash the next run
 * knows what was under way. Lines are framed by {@link JournalReader#frame}.
 *
 * <p>Operations: {@code run} (a command started), {@code copy} (a copy into a temporary name
 * begins), {@code stored} (that copy was verified and renamed to its digest), {@code remove} (an
 * original is about to be deleted), {@code removed}, {@code refused} (an original was kept
 * because it changed), {@code restore} (a file is about to be put back through a temporary
 * name), {@code restored}, {@code rolled-back} (an intent the start of a run undid), {@code damage-seen} (how many damaged lines
 * have been reported), {@code done}.
 */
final class Journal implements Closeable {

    static final String FILE_NAME = "journal";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Reads what an earlier run left; an absent journal is empty. */
    static JournalReader.Contents readExisting(Path dir) throws IOException {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.exists(f)) return new JournalReader.Contents(java.util.List.of(), 0, false);
        return JournalReader.read(Files.readAllBytes(f));
    }

    /**
     * Opens the journal for appending. A torn last line is closed with a line end first, so it
     * stays one damaged line instead of corrupting the next entry written after it.
     */
    static Journal open(Path dir) throws IOException {
        Path f = dir.resolve(FILE_NAME);
        boolean torn = endsTorn(f);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            if (torn) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
                ch.force(false);
            }
            Durable.forceFolder(dir);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new Journal(f, ch);
    }

    private static boolean endsTorn(Path f) throws IOException {
        if (!Files.exists(f)) return false;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) return false;
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Appends one entry and forces it to the device before returning. */
    void append(JournalEntry entry) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("op", entry.op());
        for (Map.Entry<String, String> f : entry.fields().entrySet()) node.put(f.getKey(), f.getValue());
        byte[] framed = JournalReader.frame(JSON.writeValueAsBytes(node));
        ByteBuffer buf = ByteBuffer.allocate(framed.length + 1);
        buf.put(framed).put((byte) '\n').flip();
        while (buf.hasRemaining()) channel.write(buf);
        channel.force(false);
    }

    void append(String op, String... namesAndValues) throws IOException {
        append(JournalEntry.of(op, namesAndValues));
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
