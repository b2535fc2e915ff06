package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhunt.hunt.ioc.Ioc;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.IocType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IntelCommandTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) { }

    private static Run intel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new IntelCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Set<String> values(IocSet set, IocType type) {
        return set.entries(type).stream().map(Ioc::value).collect(Collectors.toSet());
    }

    @Test
    void importing_the_volexity_feed_writes_a_list_with_every_address_and_prints_the_counts() throws IOException {
        Path feed = Cli.corpus("intel/volexity-exchange-marauder-indicators.csv");
        Set<String> addresses = Files.readAllLines(feed).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        Path out = tmp.resolve("volexity.tsv");

        Run run = intel("import", feed.toString(), "--out", out.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        IocSet written = IocSet.load(out);
        assertThat(written.problems()).isEmpty();
        assertThat(values(written, IocType.IP)).isEqualTo(addresses);
        assertThat(written.lists()).singleElement().satisfies(l ->
                assertThat(l.title()).contains("volexity-exchange-marauder-indicators.csv"));
        assertThat(run.out()).contains("CSV, " + addresses.size() + " indicators (ip " + addresses.size() + ")");
    }

    @Test
    void several_feeds_become_one_list_named_after_the_output_file_and_problems_are_printed() throws IOException {
        Path mstic = Cli.corpus("intel/mstic-exchange-march2021.csv");
        Path chirp = Cli.corpus("intel/CHIRP/indicators/AA21-062A/AA21062A.yaml");
        Path out = tmp.resolve("lists/exchange-2021.tsv");

        Run run = intel("import", mstic.toString(), chirp.toString(), "-o", out.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        IocSet written = IocSet.load(out);
        assertThat(written.lists()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("exchange-2021");
            assertThat(l.title()).contains("mstic-exchange-march2021.csv", "AA21062A.yaml");
        });
        assertThat(written.entries(IocType.SHA256)).isNotEmpty();
        assertThat(written.entries(IocType.IP)).isNotEmpty();
        assertThat(run.out()).contains("AA21062A.yaml:0: ", "CHIRP indicators of type 'yara'");
        assertThat(run.out()).containsPattern("wrote \\d+ indicators \\(.*sha256 \\d+.*\\) to ");
    }

    @Test
    void an_existing_folder_receives_one_list_per_feed() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        Path a = Files.writeString(tmp.resolve("a.txt"), "198.51.100.1\n");
        Path b = Files.writeString(tmp.resolve("b.txt"), "bad.example.com\n");

        Run run = intel("import", a.toString(), b.toString(), "--out", folder.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(List.of("a.tsv", "b.tsv"));
        }
        assertThat(values(IocSet.load(folder.resolve("b.tsv")), IocType.DOMAIN)).containsExactly("bad.example.com");
    }

    @Test
    void nothing_readable_exits_2_and_writes_nothing() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"truncated\": ");
        Path out = tmp.resolve("never.tsv");

        Run run = intel("import", junk.toString(), "--out", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("junk.json:1: not valid JSON");
        assertThat(run.err()).contains("no indicators could be read");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_missing_feed_is_a_usage_error() {
        Run run = intel("import", tmp.resolve("missing.csv").toString(), "--out", tmp.resolve("x.tsv").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file or folder");
    }
}
