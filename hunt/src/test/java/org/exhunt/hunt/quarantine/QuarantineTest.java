package org.exhunt.hunt.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path evidence;
    private Path shell;
    private Path tool;
    private Path log;
    private Path dir;

    @BeforeEach
    void evidence() throws IOException {
        evidence = Files.createDirectories(tmp.resolve("evidence"));
        Path web = Files.createDirectories(evidence.resolve("inetpub/wwwroot/aspnet_client"));
        shell = Files.writeString(web.resolve("shell.aspx"), "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"x\"],\"unsafe\");%>");
        tool = Files.write(Files.createDirectories(evidence.resolve("ProgramData")).resolve("procdump64.exe"), bytes(300_000, 7));
        log = Files.writeString(Files.createDirectories(evidence.resolve("logs")).resolve("u_ex210303.log"), "#Fields: date\n");
        Files.setLastModifiedTime(shell, FileTime.from(Instant.parse("2021-03-03T02:10:11Z")));
        dir = tmp.resolve("quarantine");
    }

    private Path report(TestReport r) throws IOException {
        return r.write(tmp.resolve("report.json"));
    }

    private TestReport twoFiles() {
        return new TestReport(evidence.toString())
                .onFile("yara", shell.toString(), "chopper", "critical")
                .onFile("ioc", tool.toString(), "ioc:tools", "high")
                .onLogLine("ioc", log.toString(), 4, "ioc:hafnium-ips");
    }

    private Outcome quarantine(Path report, boolean remove) throws QuarantineException {
        return Quarantine.run(report, dir, Quarantine.Options.defaults().withRemove(remove).withBase(tmp));
    }

    private JsonNode manifest() throws IOException {
        return JSON.readTree(dir.resolve("manifest.json").toFile());
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed);
        return b;
    }

    private static String sha(Path p) {
        try {
            return Sha256.ofFile(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachNamedFileIsCopiedUnderItsDigestAndTheOriginalStays() throws Exception {
        Outcome o = quarantine(report(twoFiles()), false);

        assertThat(o.steps()).extracting(Step::action).containsExactly(Action.COPIED, Action.COPIED);
        assertThat(o.problems()).isZero();
        for (Path p : List.of(shell, tool)) {
            Path stored = dir.resolve("files").resolve(sha(p));
            assertThat(stored).exists().hasSameBinaryContentAs(p);
            assertThat(p).exists();
        }
        assertThat(dir.resolve("files").resolve(sha(log))).doesNotExist();
        try (var ds = Files.list(dir.resolve("files"))) {
            assertThat(ds.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theManifestRecordsWhatWhereWhenWhoAndWhichFindings() throws Exception {
        Path report = report(twoFiles().onFile("yara", shell.toString(), "oab-settings", "high"));
        quarantine(report, false);

        JsonNode m = manifest();
        assertThat(m.path("manifest_version").asText()).isEqualTo("1.0");
        JsonNode run = m.path("runs").get(0);
        assertThat(run.path("command").asText()).isEqualTo("quarantine");
        assertThat(run.path("report").asText()).isEqualTo(report.toString());
        assertThat(run.path("report_sha256").asText()).isEqualTo(sha(report));
        assertThat(run.path("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(Instant.parse(run.path("started").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(run.path("tool").path("version").asText()).isEqualTo("dev");

        assertThat(m.path("files")).hasSize(2);
        JsonNode f = m.path("files").get(0);
        assertThat(f.path("original_path").asText()).isEqualTo(shell.toString());
        assertThat(f.path("sha256").asText()).isEqualTo(sha(shell));
        assertThat(f.path("size").asLong()).isEqualTo(Files.size(shell));
        assertThat(f.path("modified").asText()).isEqualTo("2021-03-03T02:10:11Z");
        assertThat(f.path("created").isTextual()).isTrue();
        assertThat(f.path("accessed").isTextual()).isTrue();
        assertThat(f.path("stored").asText()).isEqualTo("files/" + sha(shell));
        assertThat(f.path("state").asText()).isEqualTo("copied");
        assertThat(f.path("findings")).hasSize(2);
        assertThat(f.path("findings").get(0).path("rule_id").asText()).isEqualTo("chopper");
        assertThat(f.path("findings").get(0).path("title").asText()).isEqualTo("title of chopper");
        assertThat(f.path("findings").get(0).path("level").asText()).isEqualTo("critical");
        assertThat(f.path("findings").get(0).path("engine").asText()).isEqualTo("yara");
        assertThat(f.path("findings").get(1).path("rule_id").asText()).isEqualTo("oab-settings");
    }

    @Test
    void aFileNamedByARelativeAndAnAbsolutePathIsTakenOnce() throws Exception {
        String relative = tmp.relativize(shell).toString();
        Outcome o = quarantine(report(new TestReport()
                .onFile("yara", relative, "a", "critical")
                .onFile("yara", shell.toString(), "b", "high")), false);

        assertThat(o.steps()).hasSize(1);
        assertThat(manifest().path("files").get(0).path("findings")).hasSize(2);
    }

    @Test
    void removeDeletesTheOriginalsAfterTheirCopiesAreListed() throws Exception {
        String shellSha = sha(shell);
        byte[] shellBytes = Files.readAllBytes(shell);
        List<String> listedWhenRemoving = new ArrayList<>();
        Outcome o = Quarantine.run(report(twoFiles()), dir, Quarantine.Options.defaults().withRemove(true), p -> {
            try {
                JsonNode m = manifest();
                for (JsonNode f : m.path("files")) {
                    if (f.path("original_path").asText().equals(p.toString())) listedWhenRemoving.add(f.path("sha256").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.COPIED_AND_REMOVED);
        assertThat(listedWhenRemoving).hasSize(2).contains(shellSha);
        assertThat(shell).doesNotExist();
        assertThat(tool).doesNotExist();
        assertThat(log).exists();
        assertThat(dir.resolve("files").resolve(shellSha)).hasBinaryContent(shellBytes);
        assertThat(manifest().path("files")).allSatisfy(f -> {
            assertThat(f.path("state").asText()).isEqualTo("removed");
            assertThat(f.path("removed").isTextual()).isTrue();
        });
    }

    @Test
    void anOriginalThatChangedAfterItWasCopiedIsNotRemoved() throws Exception {
        String copied = sha(shell);
        Outcome o = Quarantine.run(report(twoFiles()), dir, Quarantine.Options.defaults().withRemove(true), p -> {
            if (p.equals(shell)) {
                try {
                    Files.writeString(shell, "rewritten while we worked", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        Step s = o.steps().get(0);
        assertThat(s.action()).isEqualTo(Action.REFUSED);
        assertThat(s.detail()).contains("changed since it was copied").contains(copied);
        assertThat(shell).hasContent("rewritten while we worked");
        assertThat(o.steps().get(1).action()).isEqualTo(Action.COPIED_AND_REMOVED);
        JsonNode f = manifest().path("files").get(0);
        assertThat(f.path("state").asText()).isEqualTo("copied");
        assertThat(f.path("notes").get(0).asText()).contains("not removed");
        assertThat(o.problems()).isEqualTo(1);
    }

    @Test
    void runningTheSameQuarantineAgainChangesNothing() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, false);
        JsonNode first = manifest();

        Outcome again = quarantine(report, false);

        assertThat(again.steps()).extracting(Step::action).containsOnly(Action.ALREADY);
        JsonNode second = manifest();
        assertThat(second.path("files")).isEqualTo(first.path("files"));
        assertThat(second.path("runs")).hasSize(2);
        try (var ds = Files.list(dir.resolve("files"))) {
            assertThat(ds.count()).isEqualTo(2);
        }
    }

    @Test
    void runningTheSameRemovalAgainFindsEverythingAlreadyTaken() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, true);

        Outcome again = quarantine(report, true);

        assertThat(again.steps()).extracting(Step::action).containsOnly(Action.ALREADY);
        assertThat(again.steps().get(0).detail()).contains("original was removed");
        assertThat(again.problems()).isZero();
        assertThat(manifest().path("files")).hasSize(2);
    }

    @Test
    void restorePutsRemovedFilesBackByteForByteWithTheirTimes() throws Exception {
        byte[] shellBytes = Files.readAllBytes(shell);
        byte[] toolBytes = Files.readAllBytes(tool);
        FileTime modified = Files.getLastModifiedTime(shell);
        quarantine(report(twoFiles()), true);

        Outcome o = Restore.run(dir, null, "test", null);

        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.RESTORED);
        assertThat(shell).hasBinaryContent(shellBytes);
        assertThat(tool).hasBinaryContent(toolBytes);
        assertThat(Files.getLastModifiedTime(shell)).isEqualTo(modified);
        assertThat(manifest().path("files")).allSatisfy(f -> assertThat(f.path("state").asText()).isEqualTo("restored"));
        try (var ds = Files.list(shell.getParent())) {
            assertThat(ds.map(f -> f.getFileName().toString())).containsExactly("shell.aspx");
        }
        assertThat(Restore.run(dir, null, "test", null).steps()).extracting(Step::action).containsOnly(Action.IN_PLACE);
    }

    @Test
    void aRemovedFileThatCameBackIsTakenAgainWithoutANewRecord() throws Exception {
        byte[] shellBytes = Files.readAllBytes(shell);
        Path report = report(twoFiles());
        quarantine(report, true);
        Files.write(shell, shellBytes);

        Outcome o = quarantine(report, false);

        assertThat(o.steps().get(0).action()).isEqualTo(Action.ALREADY);
        JsonNode f = manifest().path("files").get(0);
        assertThat(manifest().path("files")).hasSize(2);
        assertThat(f.path("state").asText()).isEqualTo("copied");
        assertThat(f.path("notes").get(0).asText()).contains("found at its path again after it had been removed");
        assertThat(quarantine(report, true).steps().get(0).action()).isEqualTo(Action.COPIED_AND_REMOVED);
        assertThat(shell).doesNotExist();
    }

    @Test
    void restoreNeverOverwritesADifferentFileAtThePath() throws Exception {
        quarantine(report(twoFiles()), true);
        Files.writeString(shell, "a new page someone put here");

        Outcome o = Restore.run(dir, null, "test", null);

        Step s = o.steps().stream().filter(x -> x.path().equals(shell.toString())).findFirst().orElseThrow();
        assertThat(s.action()).isEqualTo(Action.CONFLICT);
        assertThat(s.detail()).contains("different file").contains("not overwritten");
        assertThat(shell).hasContent("a new page someone put here");
        assertThat(o.problems()).isEqualTo(1);
        assertThat(tool).exists();
    }

    @Test
    void restoreUnderARootKeepsTheOriginalPathBelowIt() throws Exception {
        byte[] shellBytes = Files.readAllBytes(shell);
        quarantine(report(twoFiles()), false);
        Path root = tmp.resolve("restored");

        Outcome o = Restore.run(dir, root, "test", null);

        Path expected = root.resolve(shell.toString().substring(1));
        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.RESTORED);
        assertThat(expected).hasBinaryContent(shellBytes);
        assertThat(manifest().path("files").get(0).path("restored_to").asText()).isEqualTo(expected.toString());
        assertThat(manifest().path("files").get(0).path("state").asText()).isEqualTo("copied");
    }

    @Test
    void pathsInsideArchivesAndOnTheWindowsServerAreSkippedWithTheReason() throws Exception {
        Outcome o = quarantine(report(new TestReport()
                .onFile("yara", "evidence/collected.zip!/inetpub/wwwroot/aspnet_client/x.aspx", "chopper", "critical")
                .fileCreated("Sysmon.evtx", 42, "C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx", "sigma-file-event")), false);

        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.SKIPPED);
        assertThat(o.steps().get(0).detail()).startsWith("inside an archive");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(o.steps().get(1).detail()).startsWith("a path on the Windows server");
        }
        assertThat(o.problems()).isEqualTo(2);
    }

    @Test
    void aFileNamedByAFileCreationEventIsTakenWhenItIsHere() throws Exception {
        Outcome o = quarantine(report(new TestReport().fileCreated("Sysmon.evtx", 42, tool.toString(), "sigma-file-event")), false);

        assertThat(o.steps()).extracting(Step::action).containsExactly(Action.COPIED);
        assertThat(manifest().path("files").get(0).path("findings").get(0).path("engine").asText()).isEqualTo("sigma");
    }

    @Test
    void aSymbolicLinkIsReportedAndNotFollowed() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside-secret.txt"), "not evidence");
        Path link = Files.createSymbolicLink(shell.resolveSibling("link.aspx"), outside);

        Outcome o = quarantine(report(new TestReport().onFile("yara", link.toString(), "chopper", "critical")), true);

        assertThat(o.steps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(Action.SKIPPED);
            assertThat(s.detail()).contains("symbolic link").contains(outside.toString());
        });
        assertThat(link).isSymbolicLink();
        assertThat(outside).hasContent("not evidence");
        assertThat(dir.resolve("files").resolve(sha(outside))).doesNotExist();
    }

    @Test
    void aMissingFileIsSkippedWithWhereItWasLookedFor() throws Exception {
        Outcome o = quarantine(report(new TestReport().onFile("yara", "gone/shell.aspx", "chopper", "critical")), false);

        assertThat(o.steps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(Action.SKIPPED);
            assertThat(s.detail()).contains("not found at " + tmp.resolve("gone/shell.aspx")).contains("relative paths");
        });
    }

    @Test
    void aReportNamingNoFileSaysSoAndWritesNothing() throws Exception {
        Outcome o = quarantine(report(new TestReport().onLogLine("ioc", log.toString(), 3, "ioc:ips")), true);

        assertThat(o.steps()).isEmpty();
        assertThat(o.notes()).singleElement().asString().contains("names no web shell or dropped tool");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aFileThatIsNotAReportIsRefusedWithWhatWasExpected() throws Exception {
        Path notReport = Files.writeString(tmp.resolve("notes.json"), "{\"hello\": 1}");

        assertThatThrownBy(() -> quarantine(notReport, false))
                .isInstanceOf(QuarantineException.class)
                .hasMessageContaining(notReport.toString())
                .hasMessageContaining("exhunt scan --json");
    }

    @Test
    void aQuarantineFolderInsideTheEvidenceIsRefused() throws Exception {
        Path report = report(twoFiles());
        Path inside = evidence.resolve("quarantine");

        assertThatThrownBy(() -> Quarantine.run(report, inside, Quarantine.Options.defaults()))
                .isInstanceOf(QuarantineException.class)
                .hasMessageContaining("inside the evidence");
        assertThat(inside).doesNotExist();
    }

    @Test
    void aDryRunSaysWhatWouldBeTakenAndTouchesNothing() throws Exception {
        Outcome o = Quarantine.run(report(twoFiles()), dir, Quarantine.Options.defaults().withRemove(true).withDryRun(true));

        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.WOULD_TAKE);
        assertThat(o.steps().get(1).detail()).contains("300000 bytes").contains("would be removed");
        assertThat(dir).doesNotExist();
        assertThat(shell).exists();
    }

    @Test
    void aRunKilledMidCopyLeavesATemporaryCopyThatTheNextRunDeletesAndRedoes() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Path half = Files.write(dir.resolve("files/0f2c.part"), bytes(1000, 1));
        try (Journal j = Journal.open(dir)) {
            j.append("copy", "path", shell.toString(), "tmp", "files/0f2c.part");
        }

        Outcome o = quarantine(report(twoFiles()), false);

        assertThat(half).doesNotExist();
        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("unverified"));
        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.COPIED);
    }

    @Test
    void aRemovalInterruptedAfterTheDeleteCountsAsDone() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, false);
        String s = sha(shell);
        try (Journal j = Journal.open(dir)) {
            j.append("remove", "path", shell.toString(), "sha256", s);
        }
        Files.delete(shell);

        Outcome o = quarantine(report, false);

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("interrupted removal as done"));
        assertThat(manifest().path("files").get(0).path("state").asText()).isEqualTo("removed");
        assertThat(o.steps().get(0).action()).isEqualTo(Action.ALREADY);
    }

    @Test
    void aRemovalFinishedJustBeforeAKillIsCaughtUpInTheManifest() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, false);
        String s = sha(shell);
        try (Journal j = Journal.open(dir)) {
            j.append("remove", "path", shell.toString(), "sha256", s);
            j.append("removed", "path", shell.toString(), "sha256", s);
        }
        Files.delete(shell);

        Outcome o = quarantine(report, false);

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("recorded 1 removal"));
        assertThat(manifest().path("files").get(0).path("state").asText()).isEqualTo("removed");
        assertThat(manifest().path("files").get(1).path("state").asText()).isEqualTo("copied");
    }

    @Test
    void aRemovalInterruptedBeforeTheDeleteIsRolledBackAndTheOriginalStays() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, false);
        try (Journal j = Journal.open(dir)) {
            j.append("remove", "path", shell.toString(), "sha256", sha(shell));
        }

        Outcome o = quarantine(report, false);

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("rolled back"));
        assertThat(shell).exists();
        assertThat(manifest().path("files").get(0).path("state").asText()).isEqualTo("copied");
        assertThat(quarantine(report, false).notes()).isEmpty();
    }

    @Test
    void aTornLastJournalLineIsIgnoredAndTheNextEntriesStayReadable() throws Exception {
        Path report = report(twoFiles());
        quarantine(report, false);
        Files.write(dir.resolve("journal"), "1234abcd {\"op\":\"remo".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        Outcome o = quarantine(report, true);

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("ignored 1 damaged line"));
        assertThat(o.steps()).extracting(Step::action).containsOnly(Action.COPIED_AND_REMOVED);
        JournalReader.Contents c = JournalReader.read(Files.readAllBytes(dir.resolve("journal")));
        assertThat(c.damagedLines()).isEqualTo(1);
        assertThat(c.tornTail()).isFalse();
        assertThat(c.entries()).extracting(JournalEntry::op).contains("removed").last().isEqualTo("done");
        assertThat(quarantine(report, true).notes()).as("a damaged line is told once").isEmpty();
    }

    @Test
    void aSecondRunOnTheSameFolderWaitsItsTurn() throws Exception {
        Files.createDirectories(dir);
        try (DirLock held = DirLock.acquire(dir)) {
            assertThatThrownBy(() -> quarantine(report(twoFiles()), false))
                    .isInstanceOf(QuarantineException.class)
                    .hasMessageContaining("another exhunt quarantine or restore");
        }
    }
}
