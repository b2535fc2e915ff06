package org.exhunt.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * An element of an event: name, attributes in document order, and content (child elements and
 * text). Immutable; content lists are shared between records built from the same template where
 * nothing was substituted.
 */
public final class EvtxElement implements EvtxNode {

    private final String name;
    private final List<EvtxAttribute> attributes;
    private final List<EvtxNode> children;
    /** Content came only from optional substitutions that had no value: Windows omits such an element. */
    private final boolean vacant;

    EvtxElement(String name, List<EvtxAttribute> attributes, List<EvtxNode> children) {
        this(name, attributes, children, false);
    }

    EvtxElement(String name, List<EvtxAttribute> attributes, List<EvtxNode> children, boolean vacant) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
        this.vacant = vacant;
    }

    boolean vacant() {
        return vacant;
    }

    /** Builds an element from copies of the given lists. */
    public static EvtxElement of(String name, List<EvtxAttribute> attributes, List<EvtxNode> children) {
        return new EvtxElement(name, List.copyOf(attributes), List.copyOf(children));
    }

    public String name() {
        return name;
    }

    public List<EvtxAttribute> attributes() {
        return attributes;
    }

    public List<EvtxNode> children() {
        return children;
    }

    /** The first child element with this name, or null. */
    public EvtxElement child(String childName) {
        for (int k = 0, size = children.size(); k < size; k++) {
            if (children.get(k) instanceof EvtxElement e && e.name.equals(childName)) {
                return e;
            }
        }
        return null;
    }

    /** All child elements with this name, in order. */
    public List<EvtxElement> children(String childName) {
        List<EvtxElement> out = new ArrayList<>(4);
        for (EvtxNode n : children) {
            if (n instanceof EvtxElement e && e.name.equals(childName)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The attribute with this name, or null. */
    public EvtxAttribute attribute(String attributeName) {
        // indexed: asked for every Data element of every record, and an iterator is an allocation
        for (int k = 0, size = attributes.size(); k < size; k++) {
            EvtxAttribute a = attributes.get(k);
            if (a.name().equals(attributeName)) {
                return a;
            }
        }
        return null;
    }

    /** The text of the attribute with this name, or null when there is no such attribute. */
    public String attributeText(String attributeName) {
        EvtxAttribute a = attribute(attributeName);
        return a == null ? null : a.text();
    }

    /** The element's own character content (not that of child elements), as Windows renders it. */
    public String text() {
        EvtxValue single = value();
        if (single != null) {
            return single.text();
        }
        StringBuilder sb = new StringBuilder();
        for (EvtxNode n : children) {
            if (n instanceof EvtxText t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** The typed value when the element's content is exactly one value, else null. */
    public EvtxValue value() {
        if (children.size() == 1 && children.get(0) instanceof EvtxText t && t.kind() == EvtxText.Kind.VALUE) {
            return t.value();
        }
        return null;
    }

    @Override
    public String toString() {
        return XmlRenderer.render(this);
    }
}
