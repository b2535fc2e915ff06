package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("sigma rules: (\\d+) loaded, (\\d+) rejected");

    @TempDir
    Path tmp;

    @Test
    void validateLoadsAtLeast99PercentOfSigmaHq() {
        Cli.Run run = Cli.run("rules", "validate",
                Cli.corpus("sigma/rules").toString(),
                Cli.corpus("sigma/rules-emerging-threats").toString(),
                Cli.corpus("sigma/rules-threat-hunting").toString());
        Matcher m = SUMMARY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        int loaded = Integer.parseInt(m.group(1));
        int rejected = Integer.parseInt(m.group(2));
        assertThat(loaded).isGreaterThan(3000);
        assertThat((double) loaded / (loaded + rejected)).as(run.out()).isGreaterThanOrEqualTo(0.99);
        // Every rejection names its file and line and says why.
        run.out().lines().filter(l -> !l.startsWith("sigma ")).forEach(l ->
                assertThat(l).matches(".+\\.ya?ml:\\d+: .{10,}"));
    }

    @Test
    void validateNamesTheFileLineAndReasonOfABadRule() throws Exception {
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, "title: broken\nlogsource:\n  category: webserver\ndetection:\n"
                + "  selection:\n    cs-uri-query|contians: x\n  condition: selection\n");
        Path good = tmp.resolve("good.yml");
        Files.writeString(good, "title: fine\nid: 0f6f6c0e-7f43-4b6b-9d0e-1c2b3a4d5e6f\nlogsource:\n  category: webserver\n"
                + "detection:\n  selection:\n    cs-uri-query|contains: x\n  condition: selection\nlevel: low\n");
        Cli.Run run = Cli.run("rules", "validate", tmp.toString());
        assertThat(run.out()).contains("bad.yml:6:").contains("contians").contains("sigma rules: 1 loaded, 1 rejected");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void validateLoadsEverySignatureBaseYaraFileAsYaracDoes() {
        Cli.Run run = Cli.run("rules", "validate", "--quiet", Cli.corpus("yara/yara").toString());
        // yarac 4.2.3 accepts every one of signature-base's rule files (with its externals defined)
        assertThat(run.out()).as(run.out()).containsPattern("yara files: 7\\d\\d loaded, 0 rejected \\(\\d{4} rules\\)");
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void aBadYaraFileIsRejectedWholeWithFileLineAndColumn() throws Exception {
        Files.writeString(tmp.resolve("good.yar"), "rule fine { strings: $a = \"x\" condition: $a }\n");
        Files.writeString(tmp.resolve("bad.yara"), "rule ok { condition: true }\n\nrule broken {\n  strings:\n    $a = \"x\"\n    $b = \"y\"\n  condition:\n    $a\n}\n");
        Cli.Run run = Cli.run("rules", "validate", tmp.toString());
        assertThat(run.out()).containsPattern("bad\\.yara:\\d+:\\d+: .*unreferenced string")
                .contains("yara files: 1 loaded, 1 rejected (1 rules)");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void theBuiltInPackValidatesCleanlyIncludingItsIocLists() {
        Cli.Run run = Cli.run("rules", "validate", Cli.root().resolve("rules").toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("sigma rules: \\d+ loaded, 0 rejected")
                .containsPattern("ioc entries: \\d+ loaded from \\d+ lists, 0 rejected");
    }

    @Test
    void aBadIocLineIsRejectedWithItsFileAndLine() throws Exception {
        Path list = tmp.resolve("mine.tsv");
        Files.writeString(list, "ip\t203.0.113.7\tknown bad\tcase 12\nip\tnot-an-address\toops\tcase 12\n");
        Cli.Run run = Cli.run("rules", "validate", list.toString());
        assertThat(run.out()).contains("mine.tsv:2:").contains("ioc entries: 1 loaded from 1 lists, 1 rejected");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void listShowsTheBuiltInPackWithTags() {
        Cli.Run run = Cli.run("rules", "list");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("cve.2021-26855").contains("built-in rules");
    }
}
