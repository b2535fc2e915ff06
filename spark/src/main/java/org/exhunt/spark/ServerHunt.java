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
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.JsonReportWriter;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.scan.FileHunter;
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
    static byte[] hunt(ServerFiles.Slice slice, Configuration conf) {
        FileHunter hunter = SharedHunter.get();
        String root = slice.server().root();
        Path temp = null;
        try {
            List<Path> local = new ArrayList<>();
            for (ServerFiles.LakeFile f : slice.files()) {
                URI uri = URI.create(f.uri());
                if ("file".equals(uri.getScheme())) {
                    // Named as the user gave the root, like a scan names its files.
                    local.add(Path.of(root).resolve(f.relative()));
                } else {
                    if (temp == null) temp = Files.createTempDirectory("exhunt-spark-");
                    local.add(copy(f, temp, conf));
                }
            }
            List<FileHunter.Outcome> outcomes = hunter.hunt(local);
            if (temp != null) outcomes = Relocation.of(temp.toString(), root).apply(outcomes);
            return OutcomeCodec.encode(outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException("hunting files of " + slice.server().evidence() + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) deleteQuietly(temp);
        }
    }

    /** One server's findings (as rows naming its host) and summary, from all its slices. */
    static ServerResult judge(ServerFiles.Key server, Iterable<byte[]> slices, String version) throws IOException {
        Instant started = Instant.now();
        FileHunter hunter = SharedHunter.get();
        List<FileHunter.Outcome> outcomes = new ArrayList<>();
        for (byte[] s : slices) outcomes.addAll(OutcomeCodec.decode(s));
        ScanResult result = hunter.result(outcomes, started, Instant.now());
        ScanReport report = ReportAssembler.assemble(result, version);
        String host = result.host() != null ? result.host() : server.folder();
        List<Row> rows = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) rows.add(FindingRows.of(host, f));
        return new ServerResult(host, summary(host, server, report), rows);
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
