package org.exhunt.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.JsonReportWriter;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.HeldMatch;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanResult;

/**
 * The two steps that run on executors: {@link #hunt} reads one slice of a server's files with the
 * shared compiled rules; {@link #judge} merges the slices of one server into the result a scan of
 * its folder gives and judges it with the report's own assembler. Files on the local file system
 * are read in place; files on other file systems are copied to a local temporary folder first
 * (archives need random access) and named by their lake path in the results.
 */
final class ServerHunt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerHunt() {
    }

    /** The outcomes of one slice, encoded for the shuffle to the server's judge. */
    static byte[] hunt(ServerFiles.Slice slice, Configuration conf, String rules) {
        FileHunter hunter = SharedHunter.get(rules);
        String root = slice.server().root();
        Path temp = null;
        try {
            List<Path> local = new ArrayList<>();
            List<SliceOutcome.Part> parts = new ArrayList<>();
            List<HeldMatch> held = new ArrayList<>();
            for (ServerFiles.LakeFile f : slice.files()) {
                URI uri = URI.create(f.uri());
                boolean isLocal = "file".equals(uri.getScheme());
                if (f.isChunkRange()) {
                    // A range of a large EVTX file is read where it lies, from its header and its chunks only.
                    var evidence = isLocal
                            ? LakeEvidence.local(Path.of(uri), Path.of(root).resolve(f.relative()).toString(), fileBytes(uri))
                            : LakeEvidence.hadoop(f.uri(), lakeName(root, f.relative()), fileBytes(uri, conf), conf);
                    parts.add(new SliceOutcome.Part(f.uri(), f.firstChunk(),
                            hunter.huntEvtxChunks(evidence, f.firstChunk(), f.chunkCount(), held::add)));
                } else if (isLocal) {
                    // Named as the user gave the root, like a scan names its files.
                    local.add(Path.of(root).resolve(f.relative()));
                } else {
                    if (temp == null) temp = Files.createTempDirectory("exhunt-spark-");
                    local.add(copy(f, temp, conf));
                }
            }
            List<FileHunter.Outcome> outcomes = local.isEmpty() ? List.of() : hunter.hunt(local, held::add);
            if (temp != null) {
                Relocation relocation = Relocation.of(temp.toString(), root);
                outcomes = relocation.apply(outcomes);
                held = relocation.applyHeld(held);
            }
            return OutcomeCodec.encode(new SliceOutcome(outcomes, parts, held));
        } catch (IOException e) {
            throw new UncheckedIOException("hunting files of " + slice.server().evidence() + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) deleteQuietly(temp);
        }
    }

    /**
     * One server's findings (as rows naming its host) and summary, from all its slices: chunk
     * ranges joined per file, held matches correlated over the whole server.
     */
    static ServerResult judge(ServerFiles.Key server, Iterable<byte[]> slices, String version, String rules)
            throws IOException {
        Instant started = Instant.now();
        FileHunter hunter = SharedHunter.get(rules);
        List<FileHunter.Outcome> outcomes = new ArrayList<>();
        Map<String, List<SliceOutcome.Part>> partsByFile = new TreeMap<>();
        List<HeldMatch> held = new ArrayList<>();
        for (byte[] s : slices) {
            SliceOutcome slice = OutcomeCodec.decode(s);
            outcomes.addAll(slice.files());
            for (SliceOutcome.Part p : slice.parts()) partsByFile.computeIfAbsent(p.uri(), k -> new ArrayList<>()).add(p);
            held.addAll(slice.held());
        }
        for (List<SliceOutcome.Part> parts : partsByFile.values()) {
            parts.sort(Comparator.comparingInt(SliceOutcome.Part::firstChunk));
            outcomes.add(FileHunter.joinParts(parts.stream().map(SliceOutcome.Part::outcome).toList()));
        }
        outcomes.addAll(hunter.correlate(held));
        ScanResult result = hunter.result(outcomes, started, Instant.now());
        ScanReport report = ReportAssembler.assemble(result, version);
        String host = result.host() != null ? result.host() : server.folder();
        List<Row> rows = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) rows.add(FindingRows.of(host, f));
        return new ServerResult(host, summary(host, server, report), rows);
    }

    /** A lake file's name below the user's root, as a scan of the root would write it. */
    private static String lakeName(String root, String relative) {
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/" + relative;
    }

    /** The size of the whole file a range belongs to (the listing kept only the range's). */
    private static long fileBytes(URI uri) throws IOException {
        return Files.size(Path.of(uri));
    }

    private static long fileBytes(URI uri, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        return p.getFileSystem(conf).getFileStatus(p).getLen();
    }

    /** The server's verdict, chains and exposure, taken from the report as {@code --json} writes it. */
    static String summary(String host, ServerFiles.Key server, ScanReport report) throws IOException {
        JsonNode full = JSON.readTree(new JsonReportWriter().toJson(report));
        ObjectNode s = JSON.createObjectNode();
        s.put("host", host);
        s.put("evidence", server.evidence());
        s.put("files", server.files());
        s.put("bytes", server.bytes());
        s.put("events", report.scan().events());
        s.put("findings", report.findings().size());
        s.set("verdict", full.get("verdict"));
        s.set("chains", full.get("chains"));
        s.set("exposure", full.get("exposure"));
        s.set("errors", full.get("errors"));
        return JSON.writeValueAsString(s);
    }

    private static Path copy(ServerFiles.LakeFile f, Path temp, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(f.uri()));
        Path target = temp.resolve(f.relative()).normalize();
        if (!target.startsWith(temp)) throw new IOException("file name leaves the server folder: " + f.relative());
        Files.createDirectories(target.getParent());
        FileSystem fs = p.getFileSystem(conf);
        try (InputStream in = fs.open(p)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // A leftover temporary copy is not worth failing the hunt for.
        }
    }
}
