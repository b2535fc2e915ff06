package org.exhunt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.hunt.scan.RuleCatalog;
import org.exhunt.hunt.scan.YaraRuleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Checks rule files, or lists the built-in rule pack.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.ListPack.class})
final class RulesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: validate or list");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Loads and compiles every rule under the given files or folders and reports each one",
                    "that cannot be used, as file:line: reason. Ends with one line per kind of rule."})
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders.")
        List<Path> paths;

        @Option(names = {"-q", "--quiet"}, description = "Only the summary lines.")
        boolean quiet;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (Path p : paths) {
                if (!Files.exists(p)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
            RuleCatalog.Validation v = RuleCatalog.validate(paths);
            YaraRuleFiles.Validation yara = YaraRuleFiles.validate(paths);
            PrintWriter out = spec.commandLine().getOut();
            if (!quiet) v.problems().forEach(out::println);
            if (!quiet) yara.problems().forEach(out::println);
            out.printf("sigma rules: %d loaded, %d rejected%n", v.loaded(), v.rejected());
            if (v.correlations() > 0) out.printf("sigma correlations: %d loaded%n", v.correlations());
            if (v.iocLists() > 0 || v.iocRejected() > 0) {
                out.printf("ioc entries: %d loaded from %d lists, %d rejected%n", v.iocEntries(), v.iocLists(), v.iocRejected());
            }
            if (yara.loadedFiles() > 0 || yara.rejectedFiles() > 0) {
                out.printf("yara files: %d loaded, %d rejected (%d rules)%n", yara.loadedFiles(), yara.rejectedFiles(), yara.rules());
            }
            out.flush();
            return v.rejected() + v.iocRejected() + yara.rejectedFiles() > 0 ? Main.FINDINGS : Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built-in rule pack.")
    static final class ListPack implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleCatalog.Entry> entries = RuleCatalog.builtIn();
            for (RuleCatalog.Entry e : entries) {
                out.printf("%-8s %-13s %-36s %s%n", e.engine(), e.level(), e.id(), e.title());
                if (!e.tags().isEmpty()) out.printf("%-8s %-13s %-36s   %s%n", "", "", "", String.join(" ", e.tags()));
            }
            out.printf("%d built-in rules%n", entries.size());
            out.flush();
            return Main.OK;
        }
    }
}
