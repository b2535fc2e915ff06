package org.exhunt.hunt.quarantine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads a journal as it was left, possibly by a process killed mid-write. Each line is
 * {@code <crc32 of the rest, 8 hex digits> <one JSON object>}; a line whose checksum or shape does
 * not hold is counted and ignored (a torn last line is the normal trace of a crash), and the
 * entries around it still count. Never throws on any content.
 */
final class JournalReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the journal holds: the good entries in order, and what was ignored. */
    record Contents(List<JournalEntry> entries, int damagedLines, boolean tornTail) { }

    private JournalReader() {
    }

    static Contents read(byte[] data) {
        List<JournalEntry> entries = new ArrayList<>();
        int damaged = 0;
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') continue;
            if (i > start) {
                JournalEntry e = parseLine(data, start, i);
                if (e != null) entries.add(e);
                else damaged++;
            }
            start = i + 1;
        }
        boolean torn = start < data.length;
        return new Contents(entries, damaged, torn);
    }

    /** The line's text for an entry: checksum, one space, the JSON payload (no line end). */
    static byte[] frame(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] head = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + payload.length];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(payload, 0, line, head.length, payload.length);
        return line;
    }

    private static JournalEntry parseLine(byte[] data, int from, int to) {
        if (to - from < 10 || data[from + 8] != ' ') return null;
        long expected = 0;
        for (int i = from; i < from + 8; i++) {
            int v = Character.digit(data[i], 16);
            if (v < 0 || Character.isUpperCase(data[i])) return null;
            expected = (expected << 4) | v;
        }
        CRC32 crc = new CRC32();
        crc.update(data, from + 9, to - from - 9);
        if (crc.getValue() != expected) return null;
        return parsePayload(data, from + 9, to - from - 9);
    }

    /** An entry from its JSON: an object with a text {@code op} and only text (or null) values. */
    static JournalEntry parsePayload(byte[] data, int offset, int length) {
        JsonNode node;
        try (JsonParser p = JSON.createParser(data, offset, length)) {
            node = JSON.readTree(p);
            if (p.nextToken() != null) return null;
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) return null;
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual() || op.textValue().isEmpty()) return null;
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("op")) continue;
            JsonNode v = f.getValue();
            if (v.isNull()) fields.put(f.getKey(), null);
            else if (v.isTextual()) fields.put(f.getKey(), v.textValue());
            else return null;
        }
        return new JournalEntry(op.textValue(), fields);
    }
}
