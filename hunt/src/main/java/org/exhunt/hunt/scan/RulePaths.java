package org.exhunt.hunt.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;

/**
 * Reads what a user points {@code --rules} or {@code rules validate} at: Sigma rule files, and
 * pipeline files kept in a folder named {@code pipelines} beside them (as in exhunt's own
 * {@code rules/}), which map fields rather than detect anything and so are not rules. A folder
 * named {@code logsources} holds the mapping of Windows channels to logsources (exhunt's own
 * {@code rules/logsources/windows.yml}): not rules either, so it is left out here.
 */
final class RulePaths {

    static final String PIPELINE_FOLDER = "pipelines";
    static final String LOGSOURCE_FOLDER = "logsources";

    private RulePaths() {
    }

    /** Adds every rule under {@code path} to the loader and returns the pipelines found there, in path order. */
    static List<Pipeline> add(RuleLoader loader, Path path, List<String> problems) {
        List<Pipeline> pipelines = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            loader.addPath(path);
            return pipelines;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).filter(RulePaths::isYaml).sorted().toList();
        } catch (IOException | RuntimeException e) {
            problems.add(path + ":0: cannot list the rule folder: " + e.getMessage());
            return pipelines;
        }
        for (Path f : files) {
            if (inFolder(path, f, LOGSOURCE_FOLDER)) continue;
            if (inFolder(path, f, PIPELINE_FOLDER)) {
                try {
                    pipelines.add(Pipeline.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    problems.add(f + ":0: cannot read the pipeline: " + e.getMessage());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            } else {
                loader.addPath(f);
            }
        }
        return pipelines;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static boolean inFolder(Path root, Path file, String folder) {
        Path folders = root.relativize(file).getParent();
        if (folders == null) return false;
        for (Path part : folders) {
            if (part.toString().equalsIgnoreCase(folder)) return true;
        }
        return false;
    }
}
