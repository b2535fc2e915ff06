package org.exhunt.hunt.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraProblem;
import org.exhunt.yara.YaraRules;

/**
 * Checks YARA rule files the way {@code yarac} does: each file on its own (with what it
 * includes), accepted or rejected as a whole, every problem as {@code file:line:col: message}.
 */
public final class YaraRuleFiles {

    /** What checking found: files loaded and rejected, rules in the loaded files, the problems. */
    public record Validation(int loadedFiles, int rejectedFiles, int rules, List<String> problems) { }

    private YaraRuleFiles() {
    }

    /** Every {@code .yar} and {@code .yara} file named or found under the given paths. */
    public static Validation validate(List<Path> paths) {
        int loaded = 0;
        int rejected = 0;
        int rules = 0;
        List<String> problems = new ArrayList<>();
        for (Path file : files(paths)) {
            YaraCompiler compiler = new YaraCompiler();
            boolean ok = compiler.addFile(file);
            YaraRules compiled = compiler.rules();
            if (ok) {
                loaded++;
                rules += compiled.rules().size();
            } else {
                rejected++;
            }
            for (YaraProblem p : compiled.problems()) problems.add(p.toString());
        }
        return new Validation(loaded, rejected, rules, problems);
    }

    static boolean isYaraFile(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yar") || name.endsWith(".yara");
    }

    /** Every {@code .yar} and {@code .yara} file named, or found under the folders named, sorted within each folder. */
    static List<Path> files(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && isYaraFile(f)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                } catch (UncheckedIOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getCause().getMessage(), e.getCause());
                }
            } else if (isYaraFile(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
