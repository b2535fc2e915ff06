package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads composed SnakeYAML nodes. Rules are composed (not loaded) so that every value keeps
 * the line it came from; this class turns nodes into plain Java where plain values are wanted.
 */
final class YamlNodes {

    private static final Pattern YAML11_TRUE = Pattern.compile("(?i)true|yes|on|y");
    private static final int MAX_DEPTH = 64;

    private YamlNodes() {
    }

    /** 1-based line where the node starts. */
    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The key's text when the key is a scalar, else null. */
    static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    /** Key → tuple, in document order; a repeated key keeps its last value, as YAML loaders do. */
    static Map<String, NodeTuple> entries(MappingNode map) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String k = key(t);
            if (k != null) {
                out.remove(k);
                out.put(k, t);
            }
        }
        return out;
    }

    /** The scalar's value with its YAML type: String, Long/Integer, Double, Boolean, or null. */
    static Object scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String v = node.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return YAML11_TRUE.matcher(v).matches();
        }
        if (Tag.INT.equals(tag)) {
            return integer(v);
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    private static Object integer(String v) {
        String s = v.replace("_", "");
        try {
            int sign = 1;
            if (s.startsWith("-") || s.startsWith("+")) {
                sign = s.startsWith("-") ? -1 : 1;
                s = s.substring(1);
            }
            long n;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                n = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0o")) {
                n = Long.parseLong(s.substring(2), 8);
            } else if (s.startsWith("0b")) {
                n = Long.parseLong(s.substring(2), 2);
            } else if (s.length() > 1 && s.startsWith("0") && s.chars().allMatch(c -> c >= '0' && c <= '7')) {
                n = Long.parseLong(s, 8);
            } else {
                n = Long.parseLong(s);
            }
            n *= sign;
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
            return n;
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** The whole node as plain Java: LinkedHashMap, ArrayList and scalars. */
    static Object plain(Node node) {
        return plain(node, 0, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object plain(Node node, int depth, Set<Node> path) {
        if (node == null) {
            return null;
        }
        if (depth > MAX_DEPTH || !path.add(node)) {
            throw new IllegalArgumentException("line " + line(node) + ": YAML nests too deeply or refers to itself");
        }
        try {
            if (node instanceof ScalarNode s) {
                return scalar(s);
            }
            if (node instanceof SequenceNode seq) {
                List<Object> out = new ArrayList<>();
                for (Node n : seq.getValue()) {
                    out.add(plain(n, depth + 1, path));
                }
                return out;
            }
            if (node instanceof MappingNode map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (NodeTuple t : map.getValue()) {
                    Object k = plain(t.getKeyNode(), depth + 1, path);
                    out.put(String.valueOf(k), plain(t.getValueNode(), depth + 1, path));
                }
                return out;
            }
            return null;
        } finally {
            path.remove(node);
        }
    }

    static boolean scalarIsNull(ScalarNode s) {
        return Tag.NULL.equals(s.getTag());
    }

    /** The node's text when it is a scalar (as written), else null. */
    static String text(Node node) {
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
    }

    /** A scalar or a list of scalars, as texts. Anything else is a problem for the caller. */
    static List<String> texts(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            out.add(s.getValue());
            return out;
        }
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) {
                    if (!Tag.NULL.equals(s.getTag())) {
                        out.add(s.getValue());
                    }
                } else {
                    throw new LoadException(line(n), "'" + what + "' must list plain values");
                }
            }
            return out;
        }
        throw new LoadException(line(node), "'" + what + "' must be a value or a list of values");
    }
}
