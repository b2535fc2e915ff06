package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.exhunt.yara.YaraScanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhunt yara} against the real {@code yara} 4.2.3 on the same arguments: standard output
 * must be the same bytes (sorted lines only where yara's order is not defined).
 */
class YaraCommandTest {

    private static final Path YARA = Path.of("/usr/bin/yara");

    /** Several kinds of strings, tags, private and referencing rules, a rule that never matches. */
    private static final String RULES = """
            rule Greeting : text greeting {
              meta:
                author = "a \\"quoted\\" 'name' \\\\ with\\ttab and \\xc3\\xa9 and \\x01 bell\\x07"
                score = 75
                negative = -3
                active = true
                retired = false
              strings:
                $plain = "hello"
                $wide = "hello" wide
                $hex = { 00 01 FF ?? 41 }
                $re = /wor.d/
                $nocase = "HELLO" nocase ascii wide
              condition:
                any of them
            }
            rule Huge { condition: filesize > 1000000 }
            private rule HasEnd { strings: $e = "end" condition: $e }
            rule EndsWell : text { condition: HasEnd }
            rule Controls : binary {
              strings:
                $ctl = /\\x80\\x0a\\x0d?end.{0,3}/s
                $long = { 41 41 41 41 41 41 41 41 [0-200] 42 }
              condition:
                any of them
            }
            rule FixedOffset {
              strings:
                $head = "he"
                $any = "l"
              condition:
                $head at 0 and #any > 2
            }
            """;

    private static final String EXTERNALS = """
            rule IntMatches { condition: n == 5 }
            rule NegativeInt { condition: neg == -12 }
            rule FloatMatches { condition: f > 1.4 and f < 1.6 }
            rule TrailingDotFloat { condition: g == 2.0 }
            rule BoolMatches { condition: flag }
            rule StringMatches { condition: s == "abc" }
            rule DotsAreAString { condition: v == "1.2.3" }
            rule HugeIntIsCutAsAtoiCutsIt { condition: big == -1 }
            """;

    @TempDir
    Path tmp;

    private String rules;
    private String data;
    private String other;

    @BeforeAll
    static void realYaraIsInstalled() {
        assertThat(YARA).as("the reference yara 4.2.3 must be installed at " + YARA + " (Debian package yara)").isExecutable();
    }

    @BeforeEach
    void writeRulesAndSamples() throws IOException {
        rules = write("rules.yar", RULES.getBytes(StandardCharsets.UTF_8));
        data = write("sample.bin", bytes("hello world\0\u0001\u00ff\u0007A h\0e\0l\0l\0o\0 HeLLo \u0080\n\rend\u00c3\u00a9\u007f tail"));
        other = write("other.txt", bytes("nothing to see here " + "A".repeat(40) + "xyzB"));
    }

    @Test
    void plainOutputIsOneLinePerMatchingRuleInRuleOrder() throws Exception {
        String expected = sameStdout("-w", rules, data);
        assertThat(expected).contains("Greeting ").contains("EndsWell ").doesNotContain("HasEnd").doesNotContain("Huge");
    }

    @Test
    void matchedStringsAreEscapedAsYaraEscapesThemWithOrWithoutLengths() throws Exception {
        assertThat(sameStdout("-w", "-s", rules, data)).contains("$wide: h\\x00e\\x00").contains("$hex: 00 01 FF 07 41");
        sameStdout("-w", "-sL", rules, data);
        sameStdout("-w", "-L", rules, other);
        assertThat(sameStdout("-w", "-s", rules, other)).contains("$long: 41 41");
    }

    @Test
    void longMatchesAreCutAt512BytesAndHexMatchesAt64() throws Exception {
        String longRules = write("long.yar", bytes("rule Long { strings: $a = /A{600,}/ $h = { 41 41 41 41 } condition: $a and #h > 0 }"));
        String longData = write("long.bin", bytes("Q" + "A".repeat(700) + "Q"));
        assertThat(sameStdout("-w", "-sL", longRules, longData)).contains(":512:$a: AAAA");
    }

    @Test
    void aStringUsedOnlyAtAFixedOffsetListsOnlyThatMatch() throws Exception {
        assertThat(sameStdout("-w", "-s", rules, data)).contains("0x0:$head: he").doesNotContain("0x11:$head");
    }

    @Test
    void metadataOfEveryTypeIsWrittenAsYaraWritesIt() throws Exception {
        assertThat(sameStdout("-w", "-m", rules, data)).contains("score =75").contains("active=true").contains("\\303\\251");
        sameStdout("-w", "-m", "-g", "-s", rules, data);
    }

    @Test
    void tagsAndNamespacesPrefixTheRuleName() throws Exception {
        sameStdout("-w", "-g", rules, data);
        String extra = write("extra.yar", bytes("rule Extra : x { strings: $a = \"tail\" condition: $a }"));
        assertThat(sameStdout("-w", "-e", "-g", "first:" + rules, extra, data)).contains("first:Greeting").contains("default:Extra");
    }

    @Test
    void countPrintsTheBareNumberForAFileAndPathColonNumberInAFolder() throws Exception {
        assertThat(sameStdout("-w", "-c", rules, data).strip()).isEqualTo("4");
        assertThat(sameStdout("-w", "-c", "-p", "1", rules, tmp.toString())).contains(data + ": 4");
    }

    @Test
    void negateListsOnlyTheRulesThatDidNotMatch() throws Exception {
        assertThat(sameStdout("-w", "-n", rules, data)).contains("Huge").doesNotContain("Greeting");
        sameStdout("-w", "-n", "-c", rules, data);
        sameStdout("-w", "-n", "-g", "-m", rules, other);
    }

    @Test
    void tagAndIdentifierFiltersKeepOnlyTheRulesAsked() throws Exception {
        assertThat(sameStdout("-w", "-t", "text", rules, data)).contains("Greeting").contains("EndsWell").doesNotContain("Controls");
        assertThat(sameStdout("-w", "-t", "binary", "-t", "nosuch", rules, data)).contains("Controls").doesNotContain("Greeting");
        assertThat(sameStdout("-w", "-i", "EndsWell", rules, data).strip()).isEqualTo("EndsWell " + data);
        sameStdout("-w", "-n", "-t", "text", rules, other);
    }

    @Test
    void definedExternalsAreTypedAsYaraTypesThem() throws Exception {
        String ext = write("ext.yar", bytes(EXTERNALS));
        String out = sameStdout("-w", "-d", "n=5", "-d", "neg=-12", "-d", "f=1.5", "-d", "g=2.", "-d", "flag=true",
                "-d", "s=abc", "-d", "v=1.2.3", "-d", "big=99999999999999999999", "-d", "unused=7", ext, data);
        assertThat(out.lines()).hasSize(8);
    }

    @Test
    void aValueOfTheWrongTypeIsACompileErrorForBoth() throws Exception {
        String ext = write("ext.yar", bytes(EXTERNALS));
        Cli.Run ours = Cli.run("yara", "-w", "-d", "n=five", "-d", "neg=-12", "-d", "f=1.5", "-d", "g=2.", "-d", "flag=true",
                "-d", "s=abc", "-d", "v=1.2.3", "-d", "big=1", ext, data);
        Result theirs = yara("-w", "-d", "n=five", "-d", "neg=-12", "-d", "f=1.5", "-d", "g=2.", "-d", "flag=true",
                "-d", "s=abc", "-d", "v=1.2.3", "-d", "big=1", ext, data);
        assertThat(theirs.exit()).isEqualTo(1);
        assertThat(ours.exit()).isEqualTo(1);
        assertThat(ours.out()).isEqualTo(theirs.out()).isEmpty();
        assertThat(ours.err()).startsWith("error: rule \"IntMatches\" in " + ext + "(1): type mismatch");
    }

    @Test
    void fastModeKeepsTheFirstMatchOfEachString() throws Exception {
        // Rules that test strings only for presence: there yara's fast mode keeps one match per string.
        String fast = write("fast.yar", bytes("""
                rule Any { strings: $l = "l" $o = "o" wide ascii condition: any of them }
                rule Both { strings: $h = "h" $e = { 65 } condition: $h and $e }
                """));
        assertThat(sameStdout("-w", "-f", "-s", fast, data)).contains("Any ").contains("0x2:$l: l\n0x4:$o: o\nBoth ");
        sameStdout("-w", "-f", "-s", "-r", "-p", "1", fast, tmp.toString());
    }

    @Test
    void skipLargerSkipsFilesOfThatSizeOrMoreInAFolderOnly() throws Exception {
        long size = Files.size(Path.of(other));
        Cli.Run ours = Cli.run("yara", "-w", "-p", "1", "-z", String.valueOf(size), rules, tmp.toString());
        Result theirs = yara("-w", "-p", "1", "-z", String.valueOf(size), rules, tmp.toString());
        assertThat(ours.out()).isEqualTo(theirs.out()).contains(data);
        assertThat(sortedLines(ours.err())).isEqualTo(sortedLines(theirs.err()))
                .contains("skipping " + other + " (" + size + " bytes) because it's larger than " + size + " bytes.");
        sameStdout("-w", "-z", "1", rules, data);
    }

    @Test
    void aRecursiveWalkOnOneThreadFollowsTheFolderOrderAndMoreThreadsPrintTheSameLines() throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("sub/deeper"));
        Files.writeString(sub.resolve("deep.txt"), "hello from below end");
        Files.writeString(tmp.resolve("sub/mid.txt"), "HELLO\u0000");
        String oneThread = sameStdout("-w", "-r", "-p", "1", "-s", rules, tmp + "/");
        assertThat(oneThread).contains(tmp + "//sub/deeper/deep.txt");
        Cli.Run ours = Cli.run("yara", "-w", "-r", "-p", "3", "-s", rules, tmp + "/");
        assertThat(ours.out()).isEqualTo(oneThread);
        String flat = sameStdout("-w", "-p", "1", rules, tmp.toString());
        assertThat(flat).doesNotContain("deep.txt");
        assertThat(sortedLines(Cli.run("yara", "-w", "-r", "-p", "2", rules, tmp.toString()).out()))
                .isEqualTo(sortedLines(yara("-w", "-r", "-p", "2", rules, tmp.toString()).out()));
    }

    @Test
    void symbolicLinksAreFollowedUnlessToldNot() throws Exception {
        Path linked = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(linked.resolve("linked.txt"), "hello there");
        Path walk = Files.createDirectories(tmp.resolve("walk"));
        Files.createSymbolicLink(walk.resolve("link.txt"), linked.resolve("linked.txt"));
        Files.createSymbolicLink(walk.resolve("dirlink"), linked);
        assertThat(sameStdout("-w", "-r", "-p", "1", rules, walk.toString())).contains("link.txt").contains("dirlink/linked.txt");
        assertThat(sameStdout("-w", "-r", "-p", "1", "-N", rules, walk.toString())).isEmpty();
    }

    @Test
    void aRuleFileThatDoesNotCompileStopsTheRunWithYarasMessageAndCode() throws Exception {
        String bad = write("bad.yar", bytes("rule Ok { condition: true }\nrule Broken { condition: undefinedthing }\n"));
        Cli.Run ours = Cli.run("yara", "-w", rules, bad, data);
        Result theirs = yara("-w", rules, bad, data);
        assertThat(ours.exit()).isEqualTo(theirs.exit()).isEqualTo(1);
        assertThat(ours.out()).isEqualTo(theirs.out()).isEmpty();
        assertThat(ours.err()).isEqualTo(theirs.err()).isEqualTo("error: rule \"Broken\" in " + bad + "(2): undefined identifier \"undefinedthing\"\n");
        Cli.Run missing = Cli.run("yara", tmp.resolve("absent.yar").toString(), data);
        assertThat(missing.exit()).isEqualTo(yara(tmp.resolve("absent.yar").toString(), data).exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: could not open file: " + tmp.resolve("absent.yar") + "\n");
    }

    @Test
    void aMissingTargetIsAnErrorScanningItWithExitOne() throws Exception {
        String absent = tmp.resolve("absent.bin").toString();
        Cli.Run ours = Cli.run("yara", "-w", rules, absent);
        Result theirs = yara("-w", rules, absent);
        assertThat(ours.exit()).isEqualTo(theirs.exit()).isEqualTo(1);
        assertThat(ours.err()).isEqualTo(theirs.err()).isEqualTo("error scanning " + absent + ": could not open file\n");
    }

    @Test
    void aFileOverTheMemoryCapIsReportedAndTheWalkGoesOn() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big"));
        try (RandomAccessFile f = new RandomAccessFile(big.resolve("sparse.bin").toFile(), "rw")) {
            f.setLength(YaraCommand.MAX_FILE_BYTES + 1);
        }
        Files.writeString(big.resolve("small.txt"), "hello");
        Cli.Run run = Cli.run("yara", "-w", "-p", "1", rules, big.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Greeting " + big + "/small.txt");
        assertThat(run.err()).contains("error scanning " + big + "/sparse.bin: file of " + (YaraCommand.MAX_FILE_BYTES + 1) + " bytes");
    }

    @Test
    void aScanOverItsTimeBudgetIsReportedAsYaraWordsIt() throws Exception {
        String slow = write("slow.yar", bytes(
                "rule Slow { condition: for all i in (0..filesize - 1) : (for all j in (0..100000) : (uint8(i) != 256 + j)) }"));
        String target = write("slow.bin", new byte[1 << 20]);
        Cli.Run ours = Cli.run("yara", "-a", "1", slow, target);
        Result theirs = yara("-a", "1", slow, target);
        assertThat(ours.exit()).isEqualTo(theirs.exit()).isEqualTo(1);
        assertThat(ours.out()).isEqualTo(theirs.out()).isEmpty();
        assertThat(ours.err()).isEqualTo(theirs.err()).isEqualTo("error scanning " + target + ": scanning timed out\n");
    }

    @Test
    void signatureBaseWebShellRulesFindTheSameStringsInTheCorpusWebShells() throws Exception {
        Path sigBase = Cli.corpus("yara/yara");
        Path shells = Cli.corpus("webshells");
        List<String> args = new ArrayList<>(List.of("-w", "-s", "-m", "-g", "-r", "-p", "1"));
        for (String v : List.of("filename", "filepath", "extension", "filetype", "owner")) {
            args.add("-d");
            args.add(v + "=");
        }
        for (String f : List.of("gen_webshells.yar", "thor-webshells.yar", "apt_webshell_chinachopper.yar",
                "gen_webshell_csharp.yar", "gen_webshells_ext_vars.yar", "apt_laudanum_webshells.yar", "webshell_regeorg.yar")) {
            args.add(Cli.corpus("yara/yara/" + f).toString());
        }
        args.add(shells.toString());
        assertThat(sigBase).isDirectory();
        String[] argv = args.toArray(String[]::new);
        Result theirs = yara(argv);
        Cli.Run ours = Cli.run(Stream.concat(Stream.of("yara"), Arrays.stream(argv)).toArray(String[]::new));
        // The engine lists at most MAX_REPORTED_PER_STRING matches of a string (yara up to a million):
        // one corpus page has a quarter of a million "<%%" matches.
        assertThat(ours.out()).as("stdout, stderr: %s", ours.err()).isEqualTo(listedUpToTheEngineCap(theirs.out()));
        assertThat(theirs.out().lines().filter(l -> !l.startsWith("0x")).count()).as("rule lines").isGreaterThan(500);
        assertThat(ours.exit()).isEqualTo(theirs.exit()).isZero();
    }

    /** yara's -s output with each rule's listing of each string cut after the engine's cap. */
    private static String listedUpToTheEngineCap(String yaraOut) {
        StringBuilder kept = new StringBuilder();
        Map<String, Integer> listed = new HashMap<>();
        for (String line : yaraOut.split("\n", -1)) {
            if (line.startsWith("0x")) {
                String id = line.split(":", 3)[1];
                if (listed.merge(id, 1, Integer::sum) > YaraScanner.MAX_REPORTED_PER_STRING) {
                    continue;
                }
            } else {
                listed.clear();
            }
            kept.append(line).append('\n');
        }
        return kept.substring(0, kept.length() - 1);
    }

    // ---- helpers

    private record Result(int exit, String out, String err) {
    }

    /** Runs both with the same arguments, asserts identical standard output, returns it. */
    private static String sameStdout(String... args) throws Exception {
        Result theirs = yara(args);
        String[] ours = Stream.concat(Stream.of("yara"), Arrays.stream(args)).toArray(String[]::new);
        Cli.Run run = Cli.run(ours);
        assertThat(run.out()).as("stdout of exhunt yara %s (stderr: %s)", String.join(" ", args), run.err()).isEqualTo(theirs.out());
        assertThat(run.exit()).as("exit code").isEqualTo(theirs.exit());
        return theirs.out();
    }

    private static Result yara(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(YARA.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        return new Result(exit, new String(out, StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    private String write(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p.toString();
    }

    /** One byte per char, so test data can hold any byte value. */
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
