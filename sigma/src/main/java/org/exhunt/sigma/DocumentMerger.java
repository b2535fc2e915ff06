package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Sigma v1 rule collections: a document with {@code action: global} is merged into each
 * following document, {@code action: reset} forgets it, {@code action: repeat} repeats the
 * previous document with changes. Merging is deep for mappings; anything else is replaced.
 */
final class DocumentMerger {

    private MappingNode global;
    private MappingNode previous;

    /** The document to read as a rule, or null when the document only sets collection state. */
    MappingNode next(MappingNode doc) {
        NodeTuple action = YamlNodes.entries(doc).get("action");
        String verb = action == null ? null : YamlNodes.text(action.getValueNode());
        MappingNode body = without(doc, "action");
        if ("global".equals(verb)) {
            global = body;
            return null;
        }
        if ("reset".equals(verb)) {
            global = null;
            return null;
        }
        MappingNode merged = "repeat".equals(verb) && previous != null ? merge(previous, body)
                : global != null ? merge(global, body) : body;
        previous = merged;
        return merged;
    }

    private static MappingNode without(MappingNode doc, String key) {
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple t : doc.getValue()) {
            if (!key.equals(YamlNodes.key(t))) {
                kept.add(t);
            }
        }
        return copy(doc, kept);
    }

    static MappingNode merge(MappingNode base, MappingNode over) {
        Map<String, NodeTuple> overEntries = YamlNodes.entries(over);
        List<NodeTuple> out = new ArrayList<>();
        for (NodeTuple t : base.getValue()) {
            String k = YamlNodes.key(t);
            NodeTuple o = k == null ? null : overEntries.get(k);
            if (o == null) {
                out.add(t);
            } else if (t.getValueNode() instanceof MappingNode bm && o.getValueNode() instanceof MappingNode om) {
                out.add(new NodeTuple(t.getKeyNode(), merge(bm, om)));
            } else {
                out.add(o);
            }
        }
        Map<String, NodeTuple> baseEntries = YamlNodes.entries(base);
        for (NodeTuple t : over.getValue()) {
            String k = YamlNodes.key(t);
            if (k == null || !baseEntries.containsKey(k)) {
                out.add(t);
            }
        }
        // The merged node keeps the rule's own position so problems point into the rule, not the header.
        return copy(over, out);
    }

    private static MappingNode copy(MappingNode like, List<NodeTuple> tuples) {
        return new MappingNode(like.getTag(), true, tuples, like.getStartMark(), like.getEndMark(),
                DumperOptions.FlowStyle.BLOCK);
    }

}
