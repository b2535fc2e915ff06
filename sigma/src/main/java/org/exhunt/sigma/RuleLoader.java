package org.exhunt.sigma;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exhunt.sigma.correlation.CorrelationParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Collects Sigma rule files and texts and reads them into a {@link RuleSet}. A rule that cannot
 * be read becomes a {@link RuleProblem}; loading never stops for one bad rule and never throws
 * for bad input.
 *
 * <pre>{@code
 * RuleSet rules = new RuleLoader().addPath(Path.of("rules")).load();
 * }</pre>
 */
public final class RuleLoader {

    private static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

    private final List<Object> inputs = new ArrayList<>();

    /** Adds one rule file, or every {@code *.yml}/{@code *.yaml} file under a folder (recursively, in sorted path order). */
    public RuleLoader addPath(Path fileOrDir) {
        inputs.add(fileOrDir);
        return this;
    }

    /** Adds rules given as text, e.g. read from a jar; {@code sourceName} is what problems will name. */
    public RuleLoader addText(String sourceName, String yaml) {
        inputs.add(new NamedText(sourceName, yaml));
        return this;
    }

    public RuleSet load() {
        // Files are read and parsed on all cores, each into its own collection, then joined in
        // input order: the rule set is the same as reading them one by one.
        List<Object> units = new ArrayList<>();
        for (Object input : inputs) {
            if (input instanceof NamedText t) {
                units.add(t);
            } else {
                expand((Path) input, units);
            }
        }
        Collected[] parts = new Collected[units.size()];
        java.util.stream.IntStream.range(0, units.size()).parallel().forEach(i -> {
            Collected part = new Collected();
            Object unit = units.get(i);
            if (unit instanceof NamedText t) {
                readText(t.name(), t.text(), part);
            } else if (unit instanceof RuleProblem p) {
                part.problems.add(p);
            } else {
                readFile((Path) unit, part);
            }
            parts[i] = part;
        });
        Collected out = new Collected();
        for (Collected part : parts) {
            out.rules.addAll(part.rules);
            out.correlations.addAll(part.correlations);
            out.filters.addAll(part.filters);
            out.problems.addAll(part.problems);
            out.files += part.files;
        }
        return new RuleSet(out.rules, out.correlations, out.filters, out.problems, out.files);
    }

    private record NamedText(String name, String text) { }

    private static final class Collected {
        final List<SigmaRule> rules = new ArrayList<>();
        final List<CorrelationRule> correlations = new ArrayList<>();
        final List<SigmaFilter> filters = new ArrayList<>();
        final List<RuleProblem> problems = new ArrayList<>();
        int files;
    }

    /** The files a path stands for (a folder's YAML files in sorted path order), or the problem with it. */
    private static void expand(Path path, List<Object> units) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(RuleLoader::isYaml).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                units.add(new RuleProblem(path.toString(), 0, "cannot list the folder: " + e.getMessage()));
                return;
            }
            units.addAll(files);
        } else if (Files.isRegularFile(path)) {
            units.add(path);
        } else {
            units.add(new RuleProblem(path.toString(), 0, "no such file or folder"));
        }
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static void readFile(Path file, Collected out) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            out.files++;
            out.problems.add(new RuleProblem(file.toString(), 0, "the file is not valid UTF-8"));
            return;
        } catch (IOException e) {
            out.files++;
            out.problems.add(new RuleProblem(file.toString(), 0, "cannot read the file: " + e.getMessage()));
            return;
        }
        readText(file.toString(), text, out);
    }

    private static void readText(String source, String text, Collected out) {
        out.files++;
        if (text == null) {
            out.problems.add(new RuleProblem(source, 0, "no text given"));
            return;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        DocumentMerger merger = new DocumentMerger();
        Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
        while (true) {
            Node doc;
            try {
                if (!documents.hasNext()) {
                    return;
                }
                doc = documents.next();
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
                out.problems.add(new RuleProblem(source, line, "not valid YAML: " + oneLine(e.getProblem())));
                return;
            } catch (RuntimeException e) {
                // SnakeYAML signals limits and odd input with several unchecked types; all mean "unreadable here".
                out.problems.add(new RuleProblem(source, 0, "not valid YAML: " + oneLine(e.getMessage())));
                return;
            }
            readDocument(source, doc, merger, out);
        }
    }

    private static void readDocument(String source, Node doc, DocumentMerger merger, Collected out) {
        if (doc == null) {
            return;
        }
        if (!(doc instanceof MappingNode map)) {
            out.problems.add(new RuleProblem(source, YamlNodes.line(doc), "a rule document must be a mapping of keys to values"));
            return;
        }
        try {
            MappingNode body = merger.next(map);
            if (body == null) {
                return;
            }
            Map<String, NodeTuple> entries = YamlNodes.entries(body);
            if (entries.containsKey("correlation")) {
                out.correlations.add(correlation(body, source));
            } else if (entries.containsKey("filter") && !entries.containsKey("detection")) {
                out.filters.add(RuleReader.filter(body, source));
            } else {
                out.rules.add(RuleReader.rule(body, source));
            }
        } catch (LoadException e) {
            out.problems.add(new RuleProblem(source, e.line() > 0 ? e.line() : YamlNodes.line(doc), e.getMessage()));
        } catch (RuntimeException e) {
            // A bug of ours or a parser limit on hostile input must not stop the other rules.
            out.problems.add(new RuleProblem(source, YamlNodes.line(doc), "cannot read the rule: " + e));
        }
    }

    @SuppressWarnings("unchecked")
    private static CorrelationRule correlation(MappingNode body, String source) {
        Object plain;
        try {
            plain = YamlNodes.plain(body);
        } catch (IllegalArgumentException e) {
            throw new LoadException(YamlNodes.line(body), e.getMessage());
        }
        try {
            return CorrelationParser.parse((Map<String, Object>) plain, source, YamlNodes.line(body));
        } catch (IllegalArgumentException e) {
            throw new LoadException(YamlNodes.line(body), e.getMessage());
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }
}
