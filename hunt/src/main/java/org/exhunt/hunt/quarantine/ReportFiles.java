package org.exhunt.hunt.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files a scan report names as web shells or dropped tools:
 * <ul>
 *   <li>findings of engine {@code yara} or {@code ioc} on a file itself (no {@code source.line} or
 *       {@code source.record}, or -1): files on disk the web-file sweep matched;</li>
 *   <li>any finding whose matched fields hold a {@code TargetFilename}: a file a Windows
 *       file-creation event says was written on the server.</li>
 * </ul>
 * A file several findings name is one target with all of them. Relative paths are taken from
 * {@code base}, the folder the scan ran in (report paths are as the user typed them).
 */
final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^(?:[A-Za-z]:[\\\\/]|\\\\\\\\).*", Pattern.DOTALL);

    /**
     * One file to take: the path as the report wrote it, where that is here ({@code null} when it
     * cannot be here), why it cannot be taken ({@code null} when it can, as far as the name tells),
     * and the findings that named it.
     */
    record Target(String reported, Path path, String skipReason, List<FindingRef> findings) { }

    /** What the report names: targets in the report's order, the scan's inputs that exist here, the report's digest. */
    record Selection(List<Target> targets, List<Path> evidenceRoots, String reportSha256) { }

    private ReportFiles() {
    }

    static Selection read(Path report, Path base) throws QuarantineException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(report);
        } catch (NoSuchFileException e) {
            throw new QuarantineException("report " + report + " does not exist");
        } catch (IOException e) {
            throw new QuarantineException("report " + report + " cannot be read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new QuarantineException("report " + report + " is not JSON: " + e.getMessage()
                    + " (expected the file written by exhunt scan --json)", e);
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new QuarantineException("report " + report + " has no findings list"
                    + " (expected the file written by exhunt scan --json)");
        }
        Map<String, List<FindingRef>> named = new LinkedHashMap<>();
        for (JsonNode f : root.path("findings")) {
            FindingRef ref = new FindingRef(text(f.path("rule"), "id"), text(f.path("rule"), "title"),
                    text(f.path("rule"), "level"), text(f, "engine"));
            for (String path : pathsNamed(f)) {
                List<FindingRef> refs = named.computeIfAbsent(path, k -> new ArrayList<>());
                if (!refs.contains(ref)) refs.add(ref);
            }
        }
        // Two spellings of one file (a relative and an absolute path) become one target.
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Map.Entry<String, List<FindingRef>> e : named.entrySet()) {
            Target t = classify(e.getKey(), base, e.getValue());
            String key = t.path() != null ? t.path().toString() : "\u0000" + t.reported();
            Target seen = targets.get(key);
            if (seen == null) {
                targets.put(key, t);
            } else {
                List<FindingRef> all = new ArrayList<>(seen.findings());
                for (FindingRef r : t.findings()) if (!all.contains(r)) all.add(r);
                targets.put(key, new Target(seen.reported(), seen.path(), seen.skipReason(), all));
            }
        }
        List<Path> roots = new ArrayList<>();
        for (JsonNode in : root.path("scan").path("inputs")) {
            try {
                Path p = base.resolve(in.asText()).toAbsolutePath().normalize();
                if (Files.isDirectory(p)) roots.add(p);
            } catch (InvalidPathException ignored) {
                // an input that is no path here cannot hold the quarantine folder
            }
        }
        return new Selection(new ArrayList<>(targets.values()), roots, Sha256.of(bytes));
    }

    private static List<String> pathsNamed(JsonNode f) {
        List<String> out = new ArrayList<>();
        String engine = text(f, "engine");
        JsonNode source = f.path("source");
        if (("yara".equals(engine) || "ioc".equals(engine)) && onFileItself(source)) {
            String p = text(source, "path");
            if (p != null && !p.isEmpty()) out.add(p);
        }
        JsonNode matched = f.path("matched");
        if (matched.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = matched.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> m = it.next();
                if (m.getKey().toLowerCase(Locale.ROOT).equals("targetfilename") && m.getValue().isTextual()
                        && !m.getValue().textValue().isBlank() && !out.contains(m.getValue().textValue())) {
                    out.add(m.getValue().textValue());
                }
            }
        }
        return out;
    }

    private static boolean onFileItself(JsonNode source) {
        return absentOrMinusOne(source.get("line")) && absentOrMinusOne(source.get("record"));
    }

    private static boolean absentOrMinusOne(JsonNode n) {
        return n == null || n.isNull() || (n.isNumber() && n.asLong() == -1);
    }

    private static Target classify(String reported, Path base, List<FindingRef> findings) {
        if (reported.contains("!/")) {
            return new Target(reported, null, "inside an archive: an archive entry cannot be taken alone;"
                    + " quarantine the archive itself, or extract it, scan the folder and quarantine from that report",
                    findings);
        }
        if (WINDOWS_ABSOLUTE.matcher(reported).matches() && !Durable.isWindows()) {
            return new Target(reported, null, "a path on the Windows server, not on this machine;"
                    + " run the quarantine on the server itself", findings);
        }
        if (reported.indexOf('\0') >= 0) {
            return new Target(reported, null, "not a valid path here (it holds a NUL character)", findings);
        }
        try {
            Path p = base.resolve(reported).toAbsolutePath().normalize();
            return new Target(reported, p, null, findings);
        } catch (InvalidPathException e) {
            return new Target(reported, null, "not a valid path here: " + e.getMessage(), findings);
        }
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
