package org.exhunt.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code exhunt} command. Exit codes: 0 clean, 1 findings, 2 usage or fatal error. */
public final class Main {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new ExhuntCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("exhunt: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("exhunt: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (System.getenv("EXHUNT_DEBUG") != null) ex.printStackTrace(c.getErr());
            return ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
