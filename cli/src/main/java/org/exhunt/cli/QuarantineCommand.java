package org.exhunt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exhunt.hunt.quarantine.Action;
import org.exhunt.hunt.quarantine.Outcome;
import org.exhunt.hunt.quarantine.Quarantine;
import org.exhunt.hunt.quarantine.QuarantineException;
import org.exhunt.hunt.quarantine.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"Copies every file a scan report names as a web shell or dropped tool into a quarantine folder.",
                "Each goes to DIR/files/<sha256>, each copy verified, with a chain-of-custody manifest (DIR/manifest.json).",
                "With --remove the originals are deleted, each only after its copy is verified and listed, and",
                "only if it has not changed since. Safe to interrupt and to run again: it resumes where it stopped.",
                "'exhunt restore DIR' puts the files back. See docs/quarantine.md."},
        footer = {"", "Exit codes: 0 every named file taken, 1 some could not be taken (listed), 2 usage or fatal error."})
final class QuarantineCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPORT", description = "The report written by 'exhunt scan --json'.")
    Path report;

    @Option(names = "--to", required = true, paramLabel = "DIR",
            description = "The quarantine folder (created when missing); it must not be inside the evidence.")
    Path to;

    @Option(names = "--remove", description = "Delete each original once its verified copy is listed in the manifest.")
    boolean remove;

    @Option(names = "--dry-run", description = "Only list what would be taken (and removed); write nothing.")
    boolean dryRun;

    @Option(names = "--base", paramLabel = "FOLDER",
            description = "The folder the scan ran in: relative paths in the report are taken from it (default: the current folder).")
    Path base;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Quarantine.Options options = Quarantine.Options.defaults()
                .withRemove(remove).withDryRun(dryRun).withBase(base).withToolVersion(Version.current())
                .withListener(s -> printStep(out, s));
        Outcome o;
        try {
            o = Quarantine.run(report, to, options);
        } catch (QuarantineException e) {
            out.flush();
            err.println("exhunt quarantine: " + printable(e.getMessage()));
            err.flush();
            return Main.ERROR;
        }
        for (String n : o.notes()) out.println("note: " + printable(n));
        if (!o.steps().isEmpty()) {
            if (dryRun) {
                out.printf("Dry run: %d file(s) would be taken, %d could not be; nothing was written.%n",
                        o.count(Action.WOULD_TAKE), o.problems());
            } else {
                out.printf("Quarantine: %d copied (%d originals removed), %d already there, %d skipped, %d not removed,"
                                + " %d failed. Manifest: %s%n",
                        o.count(Action.COPIED) + o.count(Action.COPIED_AND_REMOVED), o.count(Action.COPIED_AND_REMOVED),
                        o.count(Action.ALREADY), o.count(Action.SKIPPED), o.count(Action.REFUSED), o.count(Action.FAILED),
                        to.toAbsolutePath().normalize().resolve("manifest.json"));
            }
        }
        out.flush();
        if (o.problems() > 0) {
            err.println("exhunt quarantine: " + o.problems() + " file(s) could not be " + (dryRun ? "taken" : "taken as asked")
                    + " (listed above)");
            err.flush();
            return Main.FINDINGS;
        }
        return Main.OK;
    }

    /** One line per file: what was done, the path, then why or where, indented. */
    static void printStep(PrintWriter out, Step s) {
        out.printf("%-26s %s%n", s.action().label(), printable(s.path()));
        if (s.detail() != null && !s.detail().isEmpty()) out.println("    " + printable(s.detail()));
        out.flush();
    }

    /** Paths come from the evidence and are attacker-chosen: control characters are shown, not sent to the terminal. */
    static String printable(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
