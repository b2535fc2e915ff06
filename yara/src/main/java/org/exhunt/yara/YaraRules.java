package org.exhunt.yara;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.yara.syntax.Rule;

/**
 * What a {@link YaraCompiler} produced: the rules of every accepted file in the order they were
 * written (each with its strings and condition as syntax trees), the modules they import, the
 * external variables with their values, and for rejected files the problems found.
 */
public record YaraRules(List<Rule> rules, Set<String> modules, Map<String, Object> externals,
                        List<YaraProblem> problems, List<String> acceptedFiles, List<String> rejectedFiles) {

    public YaraRules {
        rules = List.copyOf(rules);
        modules = Set.copyOf(modules);
        externals = Map.copyOf(externals);
        problems = List.copyOf(problems);
        acceptedFiles = List.copyOf(acceptedFiles);
        rejectedFiles = List.copyOf(rejectedFiles);
    }
}
