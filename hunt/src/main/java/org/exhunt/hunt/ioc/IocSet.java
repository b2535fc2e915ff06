package org.exhunt.hunt.ioc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A collection of IOC lists, loaded from files, folders or the built-in pack. Loading never
 * fails: unreadable files and bad lines are kept as {@link #problems()} ({@code file:line: reason}).
 * Immutable and thread-safe.
 */
public final class IocSet {

    /** Where the built-in lists sit on the class path; {@code lists.index} names them. */
    static final String BUILT_IN_FOLDER = "exhunt-rules/ioc/";

    /** File name ending of IOC lists inside a folder. */
    public static final String EXTENSION = ".tsv";

    private final List<IocList> lists;
    private final List<Ioc> entries;
    private final List<IocProblem> problems;

    private IocSet(List<IocList> lists, List<Ioc> entries, List<IocProblem> problems) {
        this.lists = List.copyOf(lists);
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** A set with no indicators. */
    public static IocSet empty() {
        return new IocSet(List.of(), List.of(), List.of());
    }

    /** Reads one list file, or every {@code *.tsv} below a folder (sorted by path). */
    public static IocSet load(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                files = walk.filter(p -> Files.isRegularFile(p)
                                && p.getFileName().toString().toLowerCase().endsWith(EXTENSION))
                        .sorted().toList();
            } catch (IOException | RuntimeException e) {
                return failed(fileOrFolder.toString(), "cannot list folder: " + e.getMessage());
            }
            IocSet all = empty();
            for (Path f : files) all = all.merge(loadFile(f));
            return all;
        }
        return loadFile(fileOrFolder);
    }

    private static IocSet loadFile(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return failed(file.toString(), "cannot read IOC list: " + e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses list text (for example a class path resource). The list is named by a
     * {@code #! name:} line, or else after {@code sourceName}'s file name without extension.
     */
    public static IocSet parse(String sourceName, String text) {
        IocListParser.Parsed p = IocListParser.parse(sourceName, defaultName(sourceName), text);
        return new IocSet(List.of(p.list()), p.entries(), p.problems());
    }

    /** The lists shipped in the jar under {@code exhunt-rules/ioc/}. */
    public static IocSet builtIn() {
        ClassLoader loader = IocSet.class.getClassLoader();
        String index = resource(loader, BUILT_IN_FOLDER + "lists.index");
        if (index == null) return failed(BUILT_IN_FOLDER + "lists.index", "built-in IOC index missing from the class path");
        IocSet all = empty();
        for (String name : index.split("\r?\n")) {
            name = name.trim();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String text = resource(loader, BUILT_IN_FOLDER + name);
            all = all.merge(text == null
                    ? failed(BUILT_IN_FOLDER + name, "listed in lists.index but missing from the class path")
                    : parse(BUILT_IN_FOLDER + name, text));
        }
        return all;
    }

    /** This set and {@code other} together; lists keep their own names and rule ids. */
    public IocSet merge(IocSet other) {
        List<IocList> l = new ArrayList<>(lists);
        l.addAll(other.lists);
        List<Ioc> e = new ArrayList<>(entries);
        e.addAll(other.entries);
        List<IocProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new IocSet(l, e, p);
    }

    public List<IocList> lists() {
        return lists;
    }

    public List<Ioc> entries() {
        return entries;
    }

    public List<Ioc> entries(IocType type) {
        return entries.stream().filter(i -> i.type() == type).toList();
    }

    public List<IocProblem> problems() {
        return problems;
    }

    public int size() {
        return entries.size();
    }

    /**
     * Every indicator value as plain text, for tools that search raw files for literals. User
     * agents with spaces are given twice: as written and in IIS's {@code +} form.
     */
    public List<String> literals() {
        Set<String> out = new LinkedHashSet<>();
        for (Ioc ioc : entries) {
            out.add(ioc.value());
            if (ioc.type() == IocType.USER_AGENT && ioc.value().indexOf(' ') >= 0) {
                out.add(ioc.value().replace(' ', '+'));
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(out));
    }

    /** A matcher over this set's indicators. */
    public IocMatcher matcher() {
        return new IocMatcher(this);
    }

    private static IocSet failed(String source, String reason) {
        return new IocSet(List.of(), List.of(), List.of(new IocProblem(source, 0, reason)));
    }

    private static String defaultName(String sourceName) {
        String n = sourceName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        return n.isEmpty() ? "unnamed" : n;
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
