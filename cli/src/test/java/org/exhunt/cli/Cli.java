package org.exhunt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the exhunt command in-process and keeps what it printed. */
final class Cli {

    record Run(int exit, String out, String err) { }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository root (where examples/ and rules/ live). */
    static Path root() {
        String p = System.getProperty("exhunt.root");
        Path root = p != null ? Path.of(p) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    /** The shared public corpus; fails loudly when it is missing, never skips. */
    static Path corpus(String relative) {
        String p = System.getProperty("exhunt.corpus");
        Path base = p != null ? Path.of(p) : root().resolve("../shared/corpus");
        Path file = base.resolve(relative).normalize();
        if (!Files.exists(file)) {
            throw new AssertionError("test corpus file missing: " + file
                    + " (the tests expect ../shared/corpus beside the project; see ../shared/corpus/README.md)");
        }
        return file;
    }

    static Path example(String name) {
        Path p = root().resolve("examples").resolve(name);
        if (!Files.isDirectory(p)) throw new AssertionError("example evidence missing: " + p);
        return p;
    }
}
