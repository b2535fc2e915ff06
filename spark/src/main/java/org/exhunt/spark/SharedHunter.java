package org.exhunt.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.ScanOptions;

/**
 * The compiled rules of one executor: compiling the pack takes seconds, so every task of a JVM
 * shares one {@link FileHunter} (it is thread-safe) instead of compiling per task. Jobs with
 * different rule folders (setting {@value HuntJob#RULES}) get one hunter each.
 */
final class SharedHunter {

    private static final Map<String, FileHunter> HUNTERS = new ConcurrentHashMap<>();

    private SharedHunter() {
    }

    /** @param rules the extra rule folders, comma-separated, as the job's setting gives them ("" for none) */
    static FileHunter get(String rules) {
        return HUNTERS.computeIfAbsent(rules == null ? "" : rules, SharedHunter::compile);
    }

    private static FileHunter compile(String rules) {
        List<Path> paths = new ArrayList<>();
        for (String p : rules.split(",")) {
            if (!p.isBlank()) paths.add(Path.of(p.trim()));
        }
        // The built-in pack and the given folders with the scan's defaults; inputs come from the job.
        return FileHunter.compile(new ScanOptions(List.of(), paths, true, null, null, 1, Level.MEDIUM));
    }
}
