package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.exhunt.yara.ScanOptions;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraMatch;
import org.exhunt.yara.YaraScanner;

/**
 * Scans one file and renders what yara prints for it, kept as text so that files scanned on
 * several threads can be printed whole and in order. Safe to share between threads.
 */
final class YaraFileScan {

    /** What one file gives: standard output text, standard error text, and whether it failed. */
    record Outcome(String stdout, String stderr, boolean failed) {
        static final Outcome NOTHING = new Outcome("", "", false);
    }

    private final YaraScanner scanner;
    private final ScanOptions options;
    private final YaraMatchPrinter printer;
    private final boolean negate;
    private final boolean countOnly;
    private final boolean noWarnings;

    YaraFileScan(YaraScanner scanner, ScanOptions options, YaraMatchPrinter printer, boolean negate, boolean countOnly,
                 boolean noWarnings) {
        this.scanner = scanner;
        this.options = options;
        this.printer = printer;
        this.negate = negate;
        this.countOnly = countOnly;
        this.noWarnings = noWarnings;
    }

    /** The file named on the command line: a failure ends the run, and -c prints the bare count. */
    Outcome scanSingle(String path, Duration budget) {
        Read read = read(path, -1);
        if (read.error != null) {
            return new Outcome("", "error scanning " + path + ": " + read.error + "\n", true);
        }
        ScanResult r = scanner.scan(read.data, options.withTimeout(budget));
        if (r.timedOut()) {
            return new Outcome("", warnings(r) + "error scanning " + path + ": scanning timed out\n", true);
        }
        StringBuilder text = render(r, path);
        if (countOnly) {
            text.append(r.matches().size()).append('\n');
        }
        return new Outcome(text.toString(), warnings(r), false);
    }

    /** A file met in a folder: a failure is reported and the walk goes on; -c prints "PATH: N". */
    Outcome scanInFolder(String path, long size, Duration budget) {
        Read read = read(path, size);
        if (read.error != null) {
            String count = countOnly ? path + ": 0\n" : "";
            return new Outcome(count, "error scanning " + path + ": " + read.error + "\n", false);
        }
        ScanResult r = scanner.scan(read.data, options.withTimeout(budget));
        if (r.timedOut()) {
            String count = countOnly ? path + ": 0\n" : "";
            return new Outcome(count, warnings(r) + "error scanning " + path + ": scanning timed out\n", false);
        }
        StringBuilder text = render(r, path);
        if (countOnly) {
            text.append(path).append(": ").append(r.matches().size()).append('\n');
        }
        return new Outcome(text.toString(), warnings(r), false);
    }

    private StringBuilder render(ScanResult r, String path) {
        StringBuilder text = new StringBuilder();
        if (!countOnly) {
            for (YaraMatch m : negate ? r.nonMatching() : r.matches()) {
                if (printer.shown(m)) {
                    printer.append(text, m, path);
                }
            }
        }
        return text;
    }

    private String warnings(ScanResult r) {
        if (noWarnings || r.warnings().isEmpty()) {
            return "";
        }
        StringBuilder w = new StringBuilder();
        r.warnings().forEach(s -> w.append("warning: ").append(s).append('\n'));
        return w.toString();
    }

    private record Read(byte[] data, String error) {
    }

    /** Reads the file whole, refusing one over the memory cap instead of failing for lack of heap. */
    private static Read read(String path, long knownSize) {
        Path p = Path.of(path);
        try {
            long size = knownSize >= 0 ? knownSize : Files.size(p);
            if (size > YaraCommand.MAX_FILE_BYTES) {
                return new Read(null, "file of " + size + " bytes is over the " + YaraCommand.MAX_FILE_BYTES
                        + "-byte limit of files read whole; skipped");
            }
            return new Read(Files.readAllBytes(p), null);
        } catch (IOException | OutOfMemoryError e) {
            return new Read(null, "could not open file");
        }
    }
}
