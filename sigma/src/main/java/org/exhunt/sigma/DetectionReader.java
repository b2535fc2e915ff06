package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exhunt.sigma.condition.Condition;
import org.exhunt.sigma.condition.ConditionParser;
import org.exhunt.sigma.condition.ConditionSyntaxException;
import org.exhunt.sigma.condition.IdentifierPattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code detection:} mapping into a {@link Detection}: normalises each selection's
 * shape, parses the conditions and checks that every identifier they name exists.
 */
final class DetectionReader {

    /** Keys inside {@code detection:} that are not search identifiers. */
    private static final Set<String> NOT_IDENTIFIERS = Set.of("condition", "timeframe");

    private DetectionReader() {
    }

    static Detection read(Node node, Set<String> alsoNotIdentifiers) {
        if (!(node instanceof MappingNode map)) {
            throw new LoadException(YamlNodes.line(node), "'detection' must be a mapping of search identifiers and a condition");
        }
        Map<String, NodeTuple> entries = YamlNodes.entries(map);
        Map<String, Selection> selections = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (NOT_IDENTIFIERS.contains(e.getKey()) || alsoNotIdentifiers.contains(e.getKey())) {
                continue;
            }
            selections.put(e.getKey(), selection(e.getKey(), e.getValue().getValueNode()));
        }
        NodeTuple condition = entries.get("condition");
        if (condition == null) {
            throw new LoadException(YamlNodes.line(map), "'detection' has no 'condition'");
        }
        if (selections.isEmpty()) {
            throw new LoadException(YamlNodes.line(map), "'detection' defines no search identifier");
        }
        Node condNode = condition.getValueNode();
        List<String> texts = YamlNodes.texts(condNode, "condition");
        if (texts.isEmpty()) {
            throw new LoadException(YamlNodes.line(condNode), "the condition is empty");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String text : texts) {
            try {
                Condition c = ConditionParser.parse(text);
                checkReferences(c, selections.keySet(), text, YamlNodes.line(condNode));
                conditions.add(c);
            } catch (ConditionSyntaxException ex) {
                throw new LoadException(YamlNodes.line(condNode), ex.getMessage());
            }
        }
        return new Detection(selections, conditions, texts, YamlNodes.line(condNode));
    }

    private static void checkReferences(Condition c, Set<String> identifiers, String text, int line) {
        if (c instanceof Condition.And and) {
            and.operands().forEach(o -> checkReferences(o, identifiers, text, line));
        } else if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> checkReferences(o, identifiers, text, line));
        } else if (c instanceof Condition.Not not) {
            checkReferences(not.operand(), identifiers, text, line);
        } else if (c instanceof Condition.Identifier id) {
            if (!identifiers.contains(id.name())) {
                throw new LoadException(line, "condition '" + text + "' names '" + id.name()
                        + "', which the detection does not define (defined: " + identifiers + ")");
            }
        } else if (c instanceof Condition.Quantified q) {
            if (!q.them() && identifiers.stream().noneMatch(i -> IdentifierPattern.matches(q.pattern(), i))) {
                throw new LoadException(line, "condition '" + text + "': pattern '" + q.pattern()
                        + "' matches no search identifier (defined: " + identifiers + ")");
            }
        }
    }

    private static Selection selection(String identifier, Node node) {
        List<List<DetectionItem>> alternatives = new ArrayList<>();
        if (node instanceof MappingNode map) {
            alternatives.add(items(map));
        } else if (node instanceof SequenceNode seq) {
            List<Object> keywords = new ArrayList<>();
            for (Node element : seq.getValue()) {
                if (element instanceof MappingNode m) {
                    alternatives.add(items(m));
                } else if (element instanceof ScalarNode s) {
                    keywords.add(YamlNodes.scalar(s));
                } else {
                    throw new LoadException(YamlNodes.line(element), "search identifier '" + identifier
                            + "': a list may hold maps or plain values, not nested lists");
                }
            }
            if (!keywords.isEmpty()) {
                alternatives.add(List.of(new DetectionItem(null, List.of(), keywords, YamlNodes.line(seq))));
            }
        } else if (node instanceof ScalarNode s && s.getValue() != null && !YamlNodes.scalarIsNull(s)) {
            alternatives.add(List.of(new DetectionItem(null, List.of(), List.of(YamlNodes.scalar(s)), YamlNodes.line(s))));
        } else {
            throw new LoadException(YamlNodes.line(node), "search identifier '" + identifier + "' is empty");
        }
        if (alternatives.isEmpty()) {
            throw new LoadException(YamlNodes.line(node), "search identifier '" + identifier + "' is empty");
        }
        return new Selection(identifier, YamlNodes.line(node), alternatives);
    }

    private static List<DetectionItem> items(MappingNode map) {
        List<DetectionItem> items = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = YamlNodes.key(t);
            if (key == null) {
                throw new LoadException(YamlNodes.line(t.getKeyNode()), "a field name must be plain text");
            }
            List<String> parts = Arrays.asList(key.split("\\|", -1));
            String field = parts.get(0).isEmpty() ? null : parts.get(0);
            List<String> modifiers = parts.subList(1, parts.size());
            Node value = t.getValueNode();
            List<Object> values = new ArrayList<>();
            if (value instanceof ScalarNode s) {
                values.add(YamlNodes.scalar(s));
            } else if (value instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    if (!(n instanceof ScalarNode s)) {
                        throw new LoadException(YamlNodes.line(n), "field '" + key + "': values must be plain, not nested lists or maps");
                    }
                    values.add(YamlNodes.scalar(s));
                }
            } else {
                throw new LoadException(YamlNodes.line(value), "field '" + key + "': the value must be plain or a list of plain values");
            }
            items.add(new DetectionItem(field, modifiers, values, YamlNodes.line(t.getKeyNode())));
        }
        return items;
    }
}
