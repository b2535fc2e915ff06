package org.exhunt.yara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.yara.syntax.Declaration;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.RuleFile;
import org.exhunt.yara.syntax.RuleParser;
import org.exhunt.yara.syntax.YaraSyntaxException;

/**
 * One file handed to the compiler, with the files it includes read in place. A syntax error or a
 * broken include ends the unit; semantic errors are collected rule by rule. Any problem rejects
 * the whole unit, as {@code yarac} rejects a file.
 */
final class CompilationUnit {

    private final Namespace names;
    private final RuleChecker checker;
    private final int maxIncludeDepth;
    private final List<YaraProblem> problems = new ArrayList<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();

    CompilationUnit(Namespace names, RegexValidator regexValidator, int maxIncludeDepth) {
        this.names = names;
        this.checker = new RuleChecker(names, regexValidator);
        this.maxIncludeDepth = maxIncludeDepth;
    }

    /**
     * Compiles source text.
     *
     * @param name    how the file is named in messages
     * @param file    the file it was read from, or null for text (includes then resolve against the working directory)
     * @param source  the bytes, one char per byte
     * @return the problems found; empty when the unit is accepted
     */
    List<YaraProblem> compile(String name, Path file, String source) {
        if (file != null) {
            includeStack.push(file.toAbsolutePath().normalize());
        }
        process(name, file, source);
        return problems;
    }

    /** False when processing stopped early (syntax or include error). */
    private boolean process(String name, Path file, String source) {
        RuleFile parsed;
        try {
            parsed = RuleParser.parse(name, source);
        } catch (YaraSyntaxException e) {
            problems.add(YaraProblem.at(e.position(), null, e.problem()));
            return false;
        }
        for (Declaration d : parsed.declarations()) {
            if (d instanceof Declaration.Import imp) {
                if (!names.importModule(imp.module())) {
                    problems.add(YaraProblem.at(imp.pos(), null, "unknown module \"" + imp.module() + "\""));
                }
            } else if (d instanceof Declaration.Include inc) {
                if (!include(inc, file)) {
                    return false;
                }
            } else {
                Rule rule = (Rule) d;
                try {
                    checker.check(rule);
                } catch (CheckFailure f) {
                    problems.add(YaraProblem.at(f.position(), rule.name(), f.getMessage()));
                    // Keep the name defined so later rules that use it do not add follow-on errors.
                    names.addPending(rule);
                }
            }
        }
        return true;
    }

    private boolean include(Declaration.Include inc, Path includingFile) {
        Path base = includingFile == null ? Path.of("") : includingFile.toAbsolutePath().getParent();
        Path target = base.resolve(inc.path()).toAbsolutePath().normalize();
        if (includeStack.contains(target)) {
            List<String> chain = new ArrayList<>(includeStack.stream().map(Path::toString).toList());
            java.util.Collections.reverse(chain);
            problems.add(YaraProblem.at(inc.pos(), null, "include circular reference: "
                    + chain.stream().collect(Collectors.joining(" -> ")) + " -> " + target));
            return false;
        }
        if (includeStack.size() >= maxIncludeDepth) {
            problems.add(YaraProblem.at(inc.pos(), null, "too many nested includes (at most " + maxIncludeDepth + ")"));
            return false;
        }
        if (!Files.isRegularFile(target)) {
            // A device or pipe (/dev/zero, a FIFO) would never end; a folder cannot be read.
            problems.add(YaraProblem.at(inc.pos(), null, "can't open include file: " + inc.path()
                    + (Files.exists(target) ? " (not a regular file: " : " (no such file: ") + target + ")"));
            return false;
        }
        String source;
        try {
            source = new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            problems.add(YaraProblem.at(inc.pos(), null, "can't open include file: " + inc.path() + " (looked for " + target + ")"));
            return false;
        }
        includeStack.push(target);
        try {
            return process(target.toString(), target, source);
        } finally {
            includeStack.pop();
        }
    }
}
