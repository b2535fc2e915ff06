package org.exhunt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exhunt.hunt.quarantine.Action;
import org.exhunt.hunt.quarantine.Outcome;
import org.exhunt.hunt.quarantine.QuarantineException;
import org.exhunt.hunt.quarantine.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Puts the files of a quarantine folder back where they were.",
                "They go to their original paths, or with --to under a folder keeping each original path below it.",
                "Each file is checked against its SHA-256 before it gets its name, and a different file already",
                "at a path is never overwritten (it is reported).",
                "The quarantined copies stay. Safe to interrupt and to run again."},
        footer = {"", "Exit codes: 0 every file in place, 1 some could not be restored (listed), 2 usage or fatal error."})
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The quarantine folder written by 'exhunt quarantine'.")
    Path dir;

    @Option(names = "--to", paramLabel = "ROOT",
            description = "Restore under this folder (ROOT/<original path>) instead of at the original paths.")
    Path root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Outcome o;
        try {
            o = Restore.run(dir, root, Version.current(), s -> QuarantineCommand.printStep(out, s));
        } catch (QuarantineException e) {
            out.flush();
            err.println("exhunt restore: " + QuarantineCommand.printable(e.getMessage()));
            err.flush();
            return Main.ERROR;
        }
        for (String n : o.notes()) out.println("note: " + QuarantineCommand.printable(n));
        out.printf("Restore: %d restored, %d already in place, %d not restored, %d failed.%n",
                o.count(Action.RESTORED), o.count(Action.IN_PLACE), o.count(Action.CONFLICT), o.count(Action.FAILED));
        out.flush();
        if (o.problems() > 0) {
            err.println("exhunt restore: " + o.problems() + " file(s) could not be restored (listed above)");
            err.flush();
            return Main.FINDINGS;
        }
        return Main.OK;
    }
}
