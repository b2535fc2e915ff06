package org.exhunt.spark;

import java.util.List;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.ScanOptions;

/**
 * The compiled rules of one executor: compiling the pack takes seconds, so every task of a JVM
 * shares one {@link FileHunter} (it is thread-safe) instead of compiling per task.
 */
final class SharedHunter {

    private static volatile FileHunter hunter;

    private SharedHunter() {
    }

    static FileHunter get() {
        FileHunter h = hunter;
        if (h == null) {
            synchronized (SharedHunter.class) {
                h = hunter;
                if (h == null) {
                    // The built-in pack with the scan's defaults; inputs come from the job, not the options.
                    h = FileHunter.compile(new ScanOptions(List.of(), List.of(), true, null, null, 1, Level.MEDIUM));
                    hunter = h;
                }
            }
        }
        return h;
    }
}
