package org.exhunt.evtx;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A BinXML template definition: the fixed shape of the events instantiated from it (element
 * names, literal attributes and text) with numbered places for substitution values. Windows
 * writes the same few templates into every chunk of every log; definitions with the same content
 * are one object here, whichever chunk or file they came from, so a reader can work something out
 * once per template and reuse it for every record of it ({@link EvtxRecord#template()}).
 *
 * <p>Only definitions without template instances nested inside them are offered. Immutable and
 * thread-safe; compared by identity.
 */
public final class EvtxTemplate {

    /** Receives a definition in document order; see {@link #accept}. */
    public interface Visitor {

        /** An element starts; its attributes follow, then its content, then {@link #endElement()}. */
        void startElement(String name);

        /** An attribute with a literal value. */
        void attribute(String name, EvtxValue literal);

        /**
         * An attribute whose value is substitution value {@code index}; Windows leaves the
         * attribute out when that value is null.
         */
        void attributeSubstitution(String name, int index, boolean optional);

        /** An attribute whose value joins several pieces, at least one substituted; not described further. */
        void attributeJoined(String name);

        /** Literal character content. */
        void text(EvtxText literal);

        /** Substitution value {@code index} as content; an optional one leaves nothing when null. */
        void substitution(int index, boolean optional);

        void endElement();
    }

    /** Bounds the memory of distinct templates against logs with endless distinct definitions. */
    private static final int MAX_REMEMBERED = 16_384;
    private static final ConcurrentHashMap<String, EvtxTemplate> KNOWN = new ConcurrentHashMap<>();

    private final List<TemplateNode> definition;
    /** How deep elements nest in the definition. */
    private final int depth;

    /** Worked out once from the content key: readers keep templates in hash maps, and an identity hash is a call into the VM. */
    private final int hash;

    private EvtxTemplate(List<TemplateNode> definition, int hash) {
        this.definition = definition;
        this.depth = depth(definition);
        this.hash = hash;
    }

    /** Identity, as for any object: equal content is one object ({@link #of}). */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    int depth() {
        return depth;
    }

    private static int depth(List<TemplateNode> nodes) {
        int deepest = 0;
        for (TemplateNode n : nodes) {
            if (n instanceof TemplateNode.Element e) {
                deepest = Math.max(deepest, 1 + depth(e.children()));
            } else if (n instanceof TemplateNode.Fixed f && f.node() instanceof EvtxElement e) {
                deepest = Math.max(deepest, depth(e));
            }
        }
        return deepest;
    }

    private static int depth(EvtxElement e) {
        int deepest = 0;
        for (EvtxNode c : e.children()) {
            if (c instanceof EvtxElement inner) {
                deepest = Math.max(deepest, depth(inner));
            }
        }
        return 1 + deepest;
    }

    /**
     * The shared template for a parsed definition, or null when the definition cannot be offered:
     * it nests template instances, or its first node is not an element (so the record's root
     * would depend on the values).
     */
    static EvtxTemplate of(List<TemplateNode> definition) {
        if (!startsWithElement(definition)) {
            return null;
        }
        StringBuilder key = new StringBuilder(512);
        if (!describe(definition, key)) {
            return null;
        }
        String k = key.toString();
        EvtxTemplate known = KNOWN.get(k);
        if (known != null) {
            return known;
        }
        EvtxTemplate made = new EvtxTemplate(definition, k.hashCode());
        if (KNOWN.size() >= MAX_REMEMBERED) {
            return made;
        }
        known = KNOWN.putIfAbsent(k, made);
        return known != null ? known : made;
    }

    List<TemplateNode> definition() {
        return definition;
    }

    /** Walks the definition: elements, attributes, literal text and substitution places. */
    public void accept(Visitor visitor) {
        visitNodes(definition, visitor);
    }

    private static void visitNodes(List<TemplateNode> nodes, Visitor v) {
        for (int k = 0, size = nodes.size(); k < size; k++) {
            TemplateNode n = nodes.get(k);
            if (n instanceof TemplateNode.Fixed f) {
                visitFixed(f.node(), v);
            } else if (n instanceof TemplateNode.Element e) {
                v.startElement(e.name());
                for (TemplateNode.Attribute a : e.attributes()) {
                    List<TemplateNode> parts = a.parts();
                    if (parts.size() == 1 && parts.get(0) instanceof TemplateNode.Fixed f && f.node() instanceof EvtxText t) {
                        v.attribute(a.name(), t.value());
                    } else if (parts.size() == 1 && parts.get(0) instanceof TemplateNode.Substitution s) {
                        v.attributeSubstitution(a.name(), s.index(), s.optional());
                    } else {
                        v.attributeJoined(a.name());
                    }
                }
                visitNodes(e.children(), v);
                v.endElement();
            } else if (n instanceof TemplateNode.Substitution s) {
                v.substitution(s.index(), s.optional());
            }
        }
    }

    private static void visitFixed(EvtxNode node, Visitor v) {
        if (node instanceof EvtxText t) {
            v.text(t);
            return;
        }
        EvtxElement e = (EvtxElement) node;
        v.startElement(e.name());
        for (EvtxAttribute a : e.attributes()) {
            v.attribute(a.name(), a.value());
        }
        for (EvtxNode c : e.children()) {
            visitFixed(c, v);
        }
        v.endElement();
    }

    private static boolean startsWithElement(List<TemplateNode> definition) {
        for (TemplateNode n : definition) {
            if (n instanceof TemplateNode.Fixed f && f.node() instanceof EvtxText) {
                continue;
            }
            return n instanceof TemplateNode.Element || n instanceof TemplateNode.Fixed;
        }
        return false;
    }

    /**
     * Writes everything instantiation depends on into {@code key}, every string with its length
     * so no two definitions share a key; false when a template instance is nested inside.
     */
    private static boolean describe(List<TemplateNode> nodes, StringBuilder key) {
        key.append('[');
        for (TemplateNode n : nodes) {
            if (n instanceof TemplateNode.Fixed f) {
                describeFixed(f.node(), key);
            } else if (n instanceof TemplateNode.Element e) {
                key.append('E');
                text(e.name(), key);
                for (TemplateNode.Attribute a : e.attributes()) {
                    key.append('@');
                    text(a.name(), key);
                    if (!describe(a.parts(), key)) {
                        return false;
                    }
                }
                if (!describe(e.children(), key)) {
                    return false;
                }
            } else if (n instanceof TemplateNode.Substitution s) {
                key.append(s.optional() ? 'O' : 'S').append(s.index()).append(';');
            } else {
                return false;
            }
        }
        key.append(']');
        return true;
    }

    private static void describeFixed(EvtxNode node, StringBuilder key) {
        if (node instanceof EvtxText t) {
            key.append('T').append(t.kind().ordinal());
            describeValue(t.value(), key);
            return;
        }
        EvtxElement e = (EvtxElement) node;
        key.append('F');
        text(e.name(), key);
        for (EvtxAttribute a : e.attributes()) {
            key.append('@');
            text(a.name(), key);
            describeValue(a.value(), key);
        }
        key.append('[');
        for (EvtxNode c : e.children()) {
            describeFixed(c, key);
        }
        key.append(']');
    }

    /** Literal values in definitions are strings; any other kind is told apart by its type too. */
    private static void describeValue(EvtxValue v, StringBuilder key) {
        key.append(v.type().code()).append(v.isArray() ? 'a' : 's');
        text(v.text(), key);
    }

    private static void text(String s, StringBuilder key) {
        key.append(s.length()).append(':').append(s);
    }
}
