package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * A process for the kill tests to kill: runs {@code quarantine} or {@code restore} with the
 * given arguments, after creating the file named by system property {@code ready} once the JVM
 * has started, so the parent can time its kill from there rather than from process creation.
 */
final class QuarantineChild {

    private QuarantineChild() {
    }

    public static void main(String[] args) throws IOException {
        Object command = switch (args[0]) {
            case "quarantine" -> new QuarantineCommand();
            case "restore" -> new RestoreCommand();
            default -> throw new IllegalArgumentException("quarantine or restore, not " + args[0]);
        };
        CommandLine cl = new CommandLine(command);
        Files.createFile(Path.of(System.getProperty("ready")));
        System.exit(cl.execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
