package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.exhunt.hunt.intel.Feed;
import org.exhunt.hunt.intel.IndicatorFeeds;
import org.exhunt.hunt.ioc.IocType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exhunt intel}: works with third-party indicator feeds. */
@Command(name = "intel", mixinStandardHelpOptions = true,
        description = "Works with indicator feeds (STIX 2.1, MISP, CSV, CHIRP, signature-base and plain lists).",
        subcommands = {IntelCommand.Import.class})
public final class IntelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: import");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Converts indicator feeds into exhunt's own list format (docs/rules.md, \"IOC lists\"),",
                    "to review, edit and pass to --rules or --ioc. Prints what each feed gave, by type, and",
                    "every value it could not use, as file:line: reason. Exit code 2 when nothing could be read."})
    static final class Import implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feed files, or folders of feed files.")
        List<Path> feeds;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.tsv",
                description = "Where to write the list. Several feeds become one list named after this file;"
                        + " an existing folder receives one list per feed instead.")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "Only the counts, not each problem.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            for (Path p : feeds) {
                if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            List<Feed> loaded = IndicatorFeeds.load(feeds);
            int problems = 0;
            for (Feed f : loaded) {
                problems += f.problems().size();
                if (!quiet) f.problems().forEach(stdout::println);
            }
            for (Feed f : loaded) {
                stdout.printf("%s: %s, %d indicators%s%n", f.source(), f.format(), f.entries().size(), byType(f.counts()));
            }
            List<Feed> usable = loaded.stream().filter(f -> !f.isEmpty()).toList();
            if (usable.isEmpty()) {
                stdout.flush();
                stderr.println("exhunt intel import: no indicators could be read from "
                        + feeds.stream().map(Path::toString).collect(Collectors.joining(", ")));
                stderr.flush();
                return Main.ERROR;
            }
            List<Path> written;
            try {
                written = write(usable);
            } catch (IOException | RuntimeException e) {
                stdout.flush();
                stderr.println("exhunt intel import: cannot write " + out + ": " + e.getMessage());
                stderr.flush();
                return Main.ERROR;
            }
            Map<IocType, Integer> total = new EnumMap<>(IocType.class);
            int entries = 0;
            for (Path p : written) {
                Feed again = IndicatorFeeds.load(p).get(0);
                again.counts().forEach((t, n) -> total.merge(t, n, Integer::sum));
                entries += again.entries().size();
            }
            stdout.printf("wrote %d indicators%s to %s; %d problem(s)%n", entries,
                    byType(total), written.stream().map(Path::toString).collect(Collectors.joining(", ")), problems);
            stdout.flush();
            return Main.OK;
        }

        private List<Path> write(List<Feed> usable) throws IOException {
            List<Path> written = new ArrayList<>();
            if (Files.isDirectory(out)) {
                for (Feed f : usable) {
                    Path target = uniqueIn(out, f.name(), written);
                    Files.writeString(target, f.toTsv(), StandardCharsets.UTF_8);
                    written.add(target);
                }
                return written;
            }
            String stem = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, IndicatorFeeds.merge(stem, usable).toTsv(), StandardCharsets.UTF_8);
            written.add(out);
            return written;
        }

        /** {@code name.tsv} in the folder, or {@code name-2.tsv} and so on when an earlier feed took it. */
        private static Path uniqueIn(Path folder, String name, List<Path> taken) {
            Path p = folder.resolve(name + ".tsv");
            for (int i = 2; taken.contains(p); i++) p = folder.resolve(name + "-" + i + ".tsv");
            return p;
        }

        private static String byType(Map<IocType, Integer> counts) {
            if (counts.isEmpty()) return "";
            return counts.entrySet().stream().map(e -> e.getKey().word() + " " + e.getValue())
                    .collect(Collectors.joining(", ", " (", ")"));
        }
    }
}
