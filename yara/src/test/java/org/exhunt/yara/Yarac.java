package org.exhunt.yara;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference compiler, {@code yarac} from Debian's {@code yara} package, run on one file. */
public final class Yarac {

    static final Path BINARY = Path.of("/usr/bin/yarac");

    /** The external variables signature-base uses, declared as empty strings as our compiler does. */
    static final List<String> EXTERNALS = List.of("filename", "filepath", "extension", "filetype", "owner");

    private Yarac() {
    }

    public static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing; install the reference with: sudo apt-get install -y yara");
        }
    }

    /** Whether yarac accepts the file. */
    public static boolean accepts(Path file) throws IOException, InterruptedException {
        return acceptsAll(List.of(file));
    }

    /** Whether yarac accepts the files compiled together in one run. */
    public static boolean acceptsAll(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(BINARY.toString());
        for (String e : EXTERNALS) {
            cmd.add("-d");
            cmd.add(e + "=");
        }
        files.forEach(f -> cmd.add(f.toString()));
        cmd.add("/dev/null");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }
}
