package org.exhunt.hunt.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Builds scan reports in the shape exhunt scan --json writes, with just the parts quarantine reads. */
final class TestReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode findings;

    TestReport(String... inputs) {
        root.putObject("tool").put("name", "exhunt").put("version", "test");
        root.put("schema_version", "1.0");
        ArrayNode in = root.putObject("scan").putArray("inputs");
        for (String i : inputs) in.add(i);
        findings = root.putArray("findings");
    }

    /** A YARA (or IOC) match on a file itself: no line, no record. */
    TestReport onFile(String engine, String path, String ruleId, String level) {
        ObjectNode f = finding(engine, ruleId, level);
        f.putObject("source").put("path", path).put("offset", 12);
        f.putObject("matched").put("rule", ruleId);
        return this;
    }

    /** A match on a log line (not a file to take). */
    TestReport onLogLine(String engine, String path, int line, String ruleId) {
        ObjectNode f = finding(engine, ruleId, "high");
        f.putObject("source").put("path", path).put("line", line).put("offset", 100);
        f.putObject("matched").put("cs-uri-stem", "/aspnet_client/x.aspx");
        return this;
    }

    /** A Windows file-creation event naming the written file. */
    TestReport fileCreated(String logPath, long record, String targetFilename, String ruleId) {
        ObjectNode f = finding("sigma", ruleId, "critical");
        f.putObject("source").put("path", logPath).put("record", record);
        f.putObject("matched").put("Image", "w3wp.exe").put("TargetFilename", targetFilename);
        return this;
    }

    private ObjectNode finding(String engine, String ruleId, String level) {
        ObjectNode f = findings.addObject();
        f.putObject("rule").put("id", ruleId).put("title", "title of " + ruleId).put("level", level)
                .putArray("tags").add("attack.persistence").add("attack.t1505.003");
        f.put("engine", engine);
        f.putNull("time");
        return f;
    }

    Path write(Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }
}
