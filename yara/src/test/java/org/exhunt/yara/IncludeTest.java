package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include "file"}: resolved beside the including file, read in place, bounded and cycle-free. */
class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void anIncludedFileIsReadRelativeToTheIncludingFileAndItsRulesComeFirst() throws IOException {
        write("lib/base.yar", "rule base { condition: true }");
        write("lib/more.yar", "include \"base.yar\"\nrule more { condition: base }");
        Path main = write("main.yar", "include \"lib/more.yar\"\nrule top { condition: more and base }");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(main)).as("%s", c.rules().problems()).isTrue();
        assertThat(c.rules().rules()).extracting(r -> r.name()).containsExactly("base", "more", "top");
        assertThat(c.rules().rules().get(0).pos().file()).endsWith("base.yar");
    }

    @Test
    void aMissingIncludeRejectsTheIncludingFile() throws IOException {
        Path main = write("main.yar", "rule a { condition: true }\ninclude \"nothere.yar\"");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(main)).isFalse();
        assertThat(c.rules().rules()).isEmpty();
        assertThat(c.rules().problems()).singleElement().asString()
                .startsWith(main + ":2:1: can't open include file: nothere.yar");
    }

    @Test
    void anErrorInAnIncludedFileIsReportedThereAndRejectsTheIncludingFile() throws IOException {
        Path lib = write("lib.yar", "rule broken {\n condition: nothing\n}");
        Path main = write("main.yar", "include \"lib.yar\"\nrule a { condition: true }");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(main)).isFalse();
        assertThat(c.rules().problems()).singleElement().asString()
                .isEqualTo(lib.toAbsolutePath() + ":2:13: rule \"broken\": undefined identifier \"nothing\"");
        assertThat(c.rules().rejectedFiles()).containsExactly(main.toString());
    }

    @Test
    void anIncludeCycleIsReportedNotFollowed() throws IOException {
        write("a.yar", "include \"b.yar\"\nrule a { condition: true }");
        write("b.yar", "include \"a.yar\"\nrule b { condition: true }");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(dir.resolve("a.yar"))).isFalse();
        assertThat(c.rules().problems()).singleElement().asString().contains("include circular reference");
    }

    @Test
    void includesNestOnlySoDeep() throws IOException {
        int depth = YaraCompiler.MAX_INCLUDE_DEPTH + 2;
        for (int i = 0; i < depth; i++) {
            write("f" + i + ".yar", "include \"f" + (i + 1) + ".yar\"");
        }
        write("f" + depth + ".yar", "rule deepest { condition: true }");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(dir.resolve("f0.yar"))).isFalse();
        assertThat(c.rules().problems()).singleElement().asString().contains("too many nested includes");
    }

    @Test
    void aFolderCannotBeIncluded() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path main = write("main.yar", "include \"sub\"");
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(main)).isFalse();
        assertThat(c.rules().problems()).singleElement().asString().contains("not a regular file");
    }

    @Test
    void anUnreadableRuleFileIsReportedAsRejected() {
        YaraCompiler c = new YaraCompiler();
        assertThat(c.addFile(dir.resolve("absent.yar"))).isFalse();
        assertThat(c.rules().rejectedFiles()).containsExactly(dir.resolve("absent.yar").toString());
        assertThat(c.rules().problems()).singleElement().asString().contains("can't open rule file");
    }
}
