package org.exhunt.hunt.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.evidence.EvidenceFile;

/** An evidence file held in memory, for reader tests. */
public final class MemoryFile implements EvidenceFile {

    private final String path;
    private final byte[] bytes;

    public MemoryFile(String path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    public static MemoryFile utf8(String path, String text) {
        return new MemoryFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public static MemoryFile encoded(String path, String text, Charset charset, byte[] bom) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return new MemoryFile(path, all);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() throws IOException {
        return new ByteArrayInputStream(bytes);
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Reads the file with a reader, keeping a retained copy of every event. */
    public static Collected collect(EventReader reader, EvidenceFile file) {
        List<LogEvent> events = new ArrayList<>();
        ReadResult result = reader.read(file, e -> events.add(e.retain()));
        return new Collected(events, result);
    }

    public record Collected(List<LogEvent> events, ReadResult result) {
        public LogEvent event(int i) {
            return events.get(i);
        }
    }
}
