package org.exhunt.sigma;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the pipeline file format documented in {@code docs/sigma-engine.md}. */
final class PipelineReader {

    private static final Set<String> TOP_KEYS = Set.of("name", "fieldmappings", "placeholders", "logsources");

    private PipelineReader() {
    }

    static PipelineStage read(String source, String yaml) {
        try {
            return parse(yaml);
        } catch (LoadException e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage(), e);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalArgumentException(source + ":" + line + ": not valid YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ":0: not a readable pipeline: " + e.getMessage(), e);
        }
    }

    private static PipelineStage parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml == null ? "" : yaml));
        if (root == null) {
            return new PipelineStage(null, List.of(), Map.of(), List.of());
        }
        MappingNode map = mapping(root, "the pipeline");
        Map<String, NodeTuple> entries = YamlNodes.entries(map);
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                throw new LoadException(YamlNodes.line(e.getValue().getKeyNode()), "unknown pipeline key '" + e.getKey()
                        + "'; expected one of name, fieldmappings, placeholders, logsources");
            }
        }
        String name = entries.containsKey("name") ? YamlNodes.text(entries.get("name").getValueNode()) : null;
        List<PipelineStage.FieldMapping> mappings = entries.containsKey("fieldmappings")
                ? fieldMappings(entries.get("fieldmappings").getValueNode()) : List.of();
        Map<String, List<String>> placeholders = entries.containsKey("placeholders")
                ? placeholders(entries.get("placeholders").getValueNode()) : Map.of();
        List<PipelineStage.LogsourceAlias> logsources = entries.containsKey("logsources")
                ? logsources(entries.get("logsources").getValueNode()) : List.of();
        return new PipelineStage(name, mappings, placeholders, logsources);
    }

    /** Either a flat {@code rule field: event field(s)} map, or a list of {@code {logsource?, fields}} entries. */
    private static List<PipelineStage.FieldMapping> fieldMappings(Node node) {
        List<PipelineStage.FieldMapping> out = new ArrayList<>();
        if (node instanceof MappingNode flat) {
            out.add(new PipelineStage.FieldMapping(null, fields(flat)));
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            throw new LoadException(YamlNodes.line(node), "'fieldmappings' must be a map of fields or a list of {logsource, fields} entries");
        }
        for (Node item : seq.getValue()) {
            Map<String, NodeTuple> e = YamlNodes.entries(mapping(item, "a fieldmappings entry"));
            for (String k : e.keySet()) {
                if (!k.equals("logsource") && !k.equals("fields")) {
                    throw new LoadException(YamlNodes.line(item), "unknown fieldmappings key '" + k + "'; expected logsource, fields");
                }
            }
            if (!e.containsKey("fields")) {
                throw new LoadException(YamlNodes.line(item), "a fieldmappings entry needs 'fields'");
            }
            Logsource when = e.containsKey("logsource") ? logsource(e.get("logsource").getValueNode()) : null;
            out.add(new PipelineStage.FieldMapping(when, fields(mapping(e.get("fields").getValueNode(), "'fields'"))));
        }
        return out;
    }

    private static Map<String, List<String>> fields(MappingNode map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String k = YamlNodes.key(t);
            if (k == null) {
                throw new LoadException(YamlNodes.line(t.getKeyNode()), "a field name must be plain text");
            }
            List<String> targets = YamlNodes.texts(t.getValueNode(), k);
            if (targets.isEmpty()) {
                throw new LoadException(YamlNodes.line(t.getValueNode()), "field '" + k + "' maps to nothing");
            }
            out.put(k.toLowerCase(Locale.ROOT), List.copyOf(targets));
        }
        return out;
    }

    private static Map<String, List<String>> placeholders(Node node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping(node, "'placeholders'").getValue()) {
            String k = YamlNodes.key(t);
            if (k == null) {
                throw new LoadException(YamlNodes.line(t.getKeyNode()), "a placeholder name must be plain text");
            }
            out.put(k, List.copyOf(YamlNodes.texts(t.getValueNode(), k)));
        }
        return out;
    }

    private static List<PipelineStage.LogsourceAlias> logsources(Node node) {
        if (!(node instanceof SequenceNode seq)) {
            throw new LoadException(YamlNodes.line(node), "'logsources' must be a list of {rule, as} entries");
        }
        List<PipelineStage.LogsourceAlias> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            Map<String, NodeTuple> e = YamlNodes.entries(mapping(item, "a logsources entry"));
            if (!e.containsKey("rule") || !e.containsKey("as") || e.size() != 2) {
                throw new LoadException(YamlNodes.line(item), "a logsources entry needs exactly 'rule' and 'as'");
            }
            Logsource match = logsource(e.get("rule").getValueNode());
            Node as = e.get("as").getValueNode();
            List<Logsource> targets = new ArrayList<>();
            if (as instanceof SequenceNode list) {
                for (Node n : list.getValue()) {
                    targets.add(logsource(n));
                }
            } else {
                targets.add(logsource(as));
            }
            out.add(new PipelineStage.LogsourceAlias(match, targets));
        }
        return out;
    }

    private static Logsource logsource(Node node) {
        Map<String, NodeTuple> e = YamlNodes.entries(mapping(node, "a logsource"));
        for (String k : e.keySet()) {
            if (!k.equals("product") && !k.equals("category") && !k.equals("service")) {
                throw new LoadException(YamlNodes.line(node), "unknown logsource part '" + k + "'; expected product, category, service");
            }
        }
        return new Logsource(part(e, "product"), part(e, "category"), part(e, "service"));
    }

    private static String part(Map<String, NodeTuple> e, String key) {
        return e.containsKey(key) ? YamlNodes.text(e.get(key).getValueNode()) : null;
    }

    private static MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw new LoadException(YamlNodes.line(node), what + " must be a mapping");
    }
}
