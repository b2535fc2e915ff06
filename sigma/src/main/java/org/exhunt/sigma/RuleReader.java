package org.exhunt.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Turns one YAML document (a mapping node) into a {@link SigmaRule} or a {@link SigmaFilter}. */
final class RuleReader {

    private static final Set<String> KNOWN = Set.of("title", "id", "name", "status", "level", "description",
            "author", "date", "modified", "tags", "references", "falsepositives", "fields", "logsource",
            "detection");

    private RuleReader() {
    }

    static SigmaRule rule(MappingNode doc, String source) {
        Map<String, NodeTuple> entries = YamlNodes.entries(doc);
        RuleHeader header = header(doc, entries, source);
        Logsource logsource = logsource(doc, entries);
        NodeTuple detection = entries.get("detection");
        if (detection == null) {
            throw new LoadException(YamlNodes.line(doc), "the rule has no 'detection'");
        }
        Detection d = DetectionReader.read(detection.getValueNode(), Set.of());
        return new SigmaRule(header, logsource, d);
    }

    static SigmaFilter filter(MappingNode doc, String source) {
        Map<String, NodeTuple> entries = YamlNodes.entries(doc);
        RuleHeader header = header(doc, entries, source);
        Logsource logsource = logsource(doc, entries);
        Node filterNode = entries.get("filter").getValueNode();
        if (!(filterNode instanceof MappingNode filterMap)) {
            throw new LoadException(YamlNodes.line(filterNode), "'filter' must be a mapping with 'rules', selections and a 'condition'");
        }
        NodeTuple rules = YamlNodes.entries(filterMap).get("rules");
        if (rules == null) {
            throw new LoadException(YamlNodes.line(filterNode), "the filter names no 'rules' to apply to");
        }
        List<String> ruleRefs = YamlNodes.texts(rules.getValueNode(), "rules");
        if (ruleRefs.isEmpty()) {
            throw new LoadException(YamlNodes.line(rules.getValueNode()), "the filter's 'rules' list is empty");
        }
        Detection detection = DetectionReader.read(filterNode, Set.of("rules"));
        return new SigmaFilter(header.id, header.title, logsource, ruleRefs, detection, source, header.line);
    }

    private static RuleHeader header(MappingNode doc, Map<String, NodeTuple> entries, String source) {
        RuleHeader h = new RuleHeader();
        h.source = source;
        h.line = YamlNodes.line(doc);
        h.title = text(entries, "title");
        if (h.title == null || h.title.isBlank()) {
            throw new LoadException(h.line, "the rule has no 'title'");
        }
        h.id = text(entries, "id");
        h.name = text(entries, "name");
        h.status = text(entries, "status");
        h.level = text(entries, "level");
        h.description = text(entries, "description");
        h.author = text(entries, "author");
        h.date = text(entries, "date");
        h.modified = text(entries, "modified");
        h.tags = texts(entries, "tags");
        h.references = texts(entries, "references");
        h.falsePositives = texts(entries, "falsepositives");
        h.fields = texts(entries, "fields");
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                custom.put(e.getKey(), plain(e.getValue().getValueNode()));
            }
        }
        h.custom = java.util.Collections.unmodifiableMap(custom);
        return h;
    }

    private static Object plain(Node node) {
        try {
            return YamlNodes.plain(node);
        } catch (IllegalArgumentException e) {
            throw new LoadException(YamlNodes.line(node), e.getMessage());
        }
    }

    private static Logsource logsource(MappingNode doc, Map<String, NodeTuple> entries) {
        NodeTuple t = entries.get("logsource");
        if (t == null) {
            throw new LoadException(YamlNodes.line(doc), "the rule has no 'logsource'");
        }
        if (!(t.getValueNode() instanceof MappingNode ls)) {
            throw new LoadException(YamlNodes.line(t.getValueNode()), "'logsource' must be a mapping (product, category, service)");
        }
        Map<String, NodeTuple> parts = YamlNodes.entries(ls);
        return new Logsource(text(parts, "product"), text(parts, "category"), text(parts, "service"));
    }

    private static String text(Map<String, NodeTuple> entries, String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            return null;
        }
        Node v = t.getValueNode();
        if (v instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            return YamlNodes.text(v);
        }
        throw new LoadException(YamlNodes.line(v), "'" + key + "' must be a plain value");
    }

    private static List<String> texts(Map<String, NodeTuple> entries, String key) {
        NodeTuple t = entries.get(key);
        return t == null ? new java.util.ArrayList<>() : YamlNodes.texts(t.getValueNode(), key);
    }
}
