package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuarantineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Cli.Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli.Run(code, out.toString(), err.toString());
    }

    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(folder.relativize(p), Files.readAllBytes(p));
        }
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void theWebShellOfTheCompromisedExampleIsTakenRemovedAndRestoredByteForByte() throws Exception {
        Path evidence = tmp.resolve("evidence");
        copyTree(Cli.example("proxylogon-compromised"), evidence);
        Map<Path, byte[]> before = contents(evidence);
        Path report = tmp.resolve("report.json");
        Cli.Run scan = Cli.run("scan", evidence.toString(), "--json", report.toString(), "--quiet");
        assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
        Path shell = evidence.resolve("inetpub/wwwroot/aspnet_client/system_web/sP7kQ2xw.aspx");
        Path dir = tmp.resolve("quarantine");

        Cli.Run q = run(new QuarantineCommand(), report.toString(), "--to", dir.toString(), "--remove");

        assertThat(q.exit()).as(q.out() + q.err()).isZero();
        assertThat(q.out()).contains("copied, original removed", shell.toString())
                .contains("Quarantine: 1 copied (1 originals removed), 0 already there, 0 skipped");
        assertThat(shell).doesNotExist();
        JsonNode m = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(m.at("/files/0/original_path").asText()).isEqualTo(shell.toString());
        assertThat(m.at("/files/0/findings").size()).isGreaterThanOrEqualTo(3);
        assertThat(m.at("/runs/0/report_sha256").asText()).hasSize(64);

        Cli.Run r = run(new RestoreCommand(), dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("restored", "Restore: 1 restored");
        Map<Path, byte[]> after = contents(evidence);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Path p : before.keySet()) assertThat(after.get(p)).as(p.toString()).isEqualTo(before.get(p));
    }

    @Test
    void aDryRunListsWhatWouldBeTakenAndWritesNothing() throws Exception {
        Path shell = Files.writeString(Files.createDirectories(tmp.resolve("evidence")).resolve("x.aspx"), "<%eval(Request[\"a\"])%>");
        Path report = writeReport(List.of(shell.toString()));
        Path dir = tmp.resolve("q");

        Cli.Run q = run(new QuarantineCommand(), report.toString(), "--to", dir.toString(), "--remove", "--dry-run");

        assertThat(q.exit()).as(q.err()).isZero();
        assertThat(q.out()).contains("would take", shell.toString(), "Dry run: 1 file(s) would be taken");
        assertThat(dir).doesNotExist();
        assertThat(shell).exists();
    }

    @Test
    void filesThatCannotBeTakenAreListedAndMakeTheExitCodeOne() throws Exception {
        Path shell = Files.writeString(Files.createDirectories(tmp.resolve("evidence")).resolve("x.aspx"), "<%eval(Request[\"a\"])%>");
        Path report = writeReport(List.of(shell.toString(), "evidence.zip!/inetpub/y.aspx"));

        Cli.Run q = run(new QuarantineCommand(), report.toString(), "--to", tmp.resolve("q").toString());

        assertThat(q.exit()).as(q.err()).isEqualTo(1);
        assertThat(q.out()).contains("skipped", "evidence.zip!/inetpub/y.aspx", "inside an archive", "1 skipped");
        assertThat(q.err()).contains("1 file(s) could not be taken");
    }

    @Test
    void aQuarantineFolderBesideTheFilesItTakesIsRefused() throws Exception {
        Path shell = Files.writeString(tmp.resolve("x.aspx"), "<%eval(Request[\"a\"])%>");
        Path report = writeReport(List.of(shell.toString()));

        Cli.Run q = run(new QuarantineCommand(), report.toString(), "--to", tmp.resolve("q").toString());

        assertThat(q.exit()).isEqualTo(2);
        assertThat(q.err()).contains("inside the evidence", "choose a folder outside it");
    }

    @Test
    void aReportThatNamesNoFileSaysSo() throws Exception {
        Path report = writeReport(List.of());

        Cli.Run q = run(new QuarantineCommand(), report.toString(), "--to", tmp.resolve("q").toString());

        assertThat(q.exit()).isZero();
        assertThat(q.out()).contains("names no web shell or dropped tool");
    }

    @Test
    void aMissingReportOrFolderIsAFatalErrorWithExitCodeTwo() {
        Cli.Run noTo = run(new QuarantineCommand(), tmp.resolve("r.json").toString());
        Cli.Run noReport = run(new QuarantineCommand(), tmp.resolve("r.json").toString(), "--to", tmp.resolve("q").toString());
        Cli.Run noQuarantine = run(new RestoreCommand(), tmp.toString());

        assertThat(noTo.exit()).isEqualTo(2);
        assertThat(noTo.err()).contains("--to");
        assertThat(noReport.exit()).isEqualTo(2);
        assertThat(noReport.err()).contains("does not exist");
        assertThat(noQuarantine.exit()).isEqualTo(2);
        assertThat(noQuarantine.err()).contains("not a folder written by exhunt quarantine");
    }

    @Test
    void pathsFromTheEvidenceCannotSendControlCharactersToTheTerminal() {
        assertThat(QuarantineCommand.printable("a\u001b[2Jb\u202ec")).isEqualTo("a\\u001b[2Jb\\u202ec");
    }

    private Path writeReport(List<String> files) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("scan").putArray("inputs");
        var findings = root.putArray("findings");
        for (String f : files) {
            ObjectNode o = findings.addObject();
            o.putObject("rule").put("id", "r1").put("title", "A web shell").put("level", "critical");
            o.put("engine", "yara");
            o.putObject("source").put("path", f);
        }
        Path report = tmp.resolve("report.json");
        JSON.writeValue(report.toFile(), root);
        return report;
    }
}
