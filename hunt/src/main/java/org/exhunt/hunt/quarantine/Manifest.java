package org.exhunt.hunt.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain-of-custody manifest ({@code DIR/manifest.json}): every run and every file. It is
 * only ever replaced whole ({@link Durable#writeAtomically}), so a reader sees the last complete
 * version, never a half-written one. The format is described in docs/quarantine.md.
 */
final class Manifest {

    static final String FILE_NAME = "manifest.json";
    static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final List<RunRecord> runs = new ArrayList<>();
    final List<FileRecord> files = new ArrayList<>();

    FileRecord find(String path, String sha256) {
        for (FileRecord r : files) if (r.is(path, sha256)) return r;
        return null;
    }

    List<FileRecord> forPath(String path) {
        List<FileRecord> out = new ArrayList<>();
        for (FileRecord r : files) if (r.originalPath.equals(path)) out.add(r);
        return out;
    }

    static Manifest load(Path dir) throws IOException {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.exists(f)) return new Manifest();
        JsonNode root;
        try {
            root = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IOException(f + " cannot be read as JSON (" + e.getMessage()
                    + "); it is only ever replaced whole, so it was changed by something else", e);
        }
        try {
            return fromJson(root);
        } catch (RuntimeException e) {
            throw new IOException(f + " is not a quarantine manifest: " + e.getMessage(), e);
        }
    }

    void save(Path dir) throws IOException {
        Durable.writeAtomically(dir.resolve(FILE_NAME), JSON.writeValueAsBytes(toJson()));
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("manifest_version", VERSION);
        ArrayNode rs = root.putArray("runs");
        for (RunRecord r : runs) {
            ObjectNode o = rs.addObject();
            o.put("command", r.command());
            o.put("started", r.started());
            o.put("user", r.user());
            o.put("host", r.host());
            o.putObject("tool").put("name", "exhunt").put("version", r.toolVersion());
            o.put("report", r.report());
            o.put("report_sha256", r.reportSha256());
            o.put("remove", r.remove());
            o.put("restore_root", r.restoreRoot());
        }
        ArrayNode fs = root.putArray("files");
        for (FileRecord r : files) {
            ObjectNode o = fs.addObject();
            o.put("original_path", r.originalPath);
            o.put("reported_path", r.reportedPath);
            o.put("sha256", r.sha256);
            o.put("size", r.size);
            o.put("modified", r.modified);
            o.put("created", r.created);
            o.put("accessed", r.accessed);
            o.put("permissions", r.permissions);
            o.put("stored", r.stored());
            ArrayNode fi = o.putArray("findings");
            for (FindingRef f : r.findings) {
                fi.addObject().put("rule_id", f.ruleId()).put("title", f.title()).put("level", f.level())
                        .put("engine", f.engine());
            }
            o.put("state", r.state.word());
            o.put("quarantined", r.quarantined);
            o.put("removed", r.removed);
            o.put("restored", r.restored);
            o.put("restored_to", r.restoredTo);
            ArrayNode notes = o.putArray("notes");
            r.notes.forEach(notes::add);
        }
        return root;
    }

    static Manifest fromJson(JsonNode root) {
        if (!root.isObject()) throw new IllegalArgumentException("the top level is not an object");
        String version = text(root, "manifest_version");
        if (version == null || !version.startsWith("1.")) {
            throw new IllegalArgumentException("manifest_version " + version + " is not 1.x");
        }
        Manifest m = new Manifest();
        for (JsonNode o : root.path("runs")) {
            m.runs.add(new RunRecord(text(o, "command"), text(o, "started"), text(o, "user"), text(o, "host"),
                    text(o.path("tool"), "version"), text(o, "report"), text(o, "report_sha256"),
                    o.path("remove").asBoolean(false), text(o, "restore_root")));
        }
        int i = 0;
        for (JsonNode o : root.path("files")) {
            FileRecord r = new FileRecord();
            r.originalPath = required(o, "original_path", i);
            r.reportedPath = text(o, "reported_path");
            r.sha256 = required(o, "sha256", i);
            if (!Sha256.looksLikeDigest(r.sha256)) {
                throw new IllegalArgumentException("files[" + i + "].sha256 is not a SHA-256 digest: " + r.sha256);
            }
            r.size = o.path("size").asLong(-1);
            r.modified = text(o, "modified");
            r.created = text(o, "created");
            r.accessed = text(o, "accessed");
            r.permissions = text(o, "permissions");
            for (JsonNode f : o.path("findings")) {
                r.findings.add(new FindingRef(text(f, "rule_id"), text(f, "title"), text(f, "level"), text(f, "engine")));
            }
            r.state = FileState.fromWord(required(o, "state", i));
            if (r.state == null) throw new IllegalArgumentException("files[" + i + "].state is unknown: " + text(o, "state"));
            r.quarantined = text(o, "quarantined");
            r.removed = text(o, "removed");
            r.restored = text(o, "restored");
            r.restoredTo = text(o, "restored_to");
            for (JsonNode n : o.path("notes")) r.notes.add(n.asText());
            m.files.add(r);
            i++;
        }
        return m;
    }

    private static String required(JsonNode o, String key, int index) {
        String v = text(o, key);
        if (v == null) throw new IllegalArgumentException("files[" + index + "] has no " + key);
        return v;
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
