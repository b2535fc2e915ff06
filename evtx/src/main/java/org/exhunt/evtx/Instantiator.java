package org.exhunt.evtx;

import java.util.ArrayList;
import java.util.List;

/** Fills a template's substitutions with an instance's values, giving finished event content. */
final class Instantiator {

    private Instantiator() {
    }

    static void fill(List<TemplateNode> nodes, EvtxValue[] values, List<EvtxNode> out, int depth) {
        if (depth > BinXmlParser.MAX_DEPTH) {
            throw new BadDataException("templates nest deeper than " + BinXmlParser.MAX_DEPTH + " levels");
        }
        // Indexed loops throughout: this runs for every element of every record, and the quick
        // compiler the scanner runs under allocates an iterator for each for-each loop.
        for (int k = 0, size = nodes.size(); k < size; k++) {
            TemplateNode n = nodes.get(k);
            if (n instanceof TemplateNode.Fixed f) {
                out.add(f.node());
            } else if (n instanceof TemplateNode.Element e) {
                out.add(element(e, values, depth));
            } else if (n instanceof TemplateNode.Substitution s) {
                substitute(s, values, out);
            } else if (n instanceof TemplateNode.Instance i) {
                fill(i.definition(), i.values(), out, depth + 1);
            }
        }
    }

    private static EvtxElement element(TemplateNode.Element e, EvtxValue[] values, int depth) {
        List<TemplateNode.Attribute> declared = e.attributes();
        List<EvtxAttribute> attributes = new ArrayList<>(declared.size());
        for (int k = 0, size = declared.size(); k < size; k++) {
            TemplateNode.Attribute a = declared.get(k);
            EvtxValue v = attributeValue(a.parts(), values);
            // Windows leaves out an attribute whose value is null (e.g. an absent ActivityID).
            if (v != null && !v.isNull()) {
                attributes.add(new EvtxAttribute(a.name(), v));
            }
        }
        List<EvtxNode> children = new ArrayList<>(e.children().size());
        fill(e.children(), values, children, depth + 1);
        return new EvtxElement(e.name(), attributes, children, attributes.isEmpty() && onlyAbsentOptionals(e.children(), values));
    }

    /** True when the content is optional substitutions only, none with a value (no data, or empty binary data). */
    private static boolean onlyAbsentOptionals(List<TemplateNode> children, EvtxValue[] values) {
        if (children.isEmpty()) {
            return false;
        }
        for (int k = 0, size = children.size(); k < size; k++) {
            if (!(children.get(k) instanceof TemplateNode.Substitution s) || !s.optional()) {
                return false;
            }
            EvtxValue v = s.index() < values.length ? values[s.index()] : EvtxValue.NULL;
            boolean absent = v.isNull() || v.type() == EvtxValueType.BINARY && !v.isArray() && ((byte[]) v.raw()).length == 0;
            if (!absent) {
                return false;
            }
        }
        return true;
    }

    private static void substitute(TemplateNode.Substitution s, EvtxValue[] values, List<EvtxNode> out) {
        EvtxValue v = s.index() < values.length ? values[s.index()] : EvtxValue.NULL;
        switch (v.type()) {
            case NULL:
                if (!s.optional()) {
                    out.add(EvtxText.of(EvtxValue.NULL));
                }
                return;
            case BINXML:
                if (!v.isArray()) {
                    out.addAll(v.nodes());
                    return;
                }
                break;
            case EVT_HANDLE:
            case EVT_XML:
                return;
            default:
                break;
        }
        out.add(EvtxText.of(v));
    }

    private static EvtxValue attributeValue(List<TemplateNode> parts, EvtxValue[] values) {
        if (parts.size() == 1) {
            return partValue(parts.get(0), values);
        }
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (int k = 0, size = parts.size(); k < size; k++) {
            EvtxValue v = partValue(parts.get(k), values);
            if (v != null && !v.isNull()) {
                sb.append(v.text());
                any = true;
            }
        }
        return any ? EvtxValue.string(sb.toString()) : null;
    }

    private static EvtxValue partValue(TemplateNode part, EvtxValue[] values) {
        if (part instanceof TemplateNode.Fixed f && f.node() instanceof EvtxText t) {
            return t.value();
        }
        if (part instanceof TemplateNode.Substitution s) {
            EvtxValue v = s.index() < values.length ? values[s.index()] : EvtxValue.NULL;
            return v.type() == EvtxValueType.BINXML ? EvtxValue.string(v.text()) : v;
        }
        return null;
    }
}
