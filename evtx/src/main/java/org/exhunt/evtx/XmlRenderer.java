package org.exhunt.evtx;

import java.util.List;

/**
 * Renders event content as XML in the layout evtxexport and the Windows event viewer use: one
 * element per line, two spaces of indent per level, empty elements closed as {@code <X/>}, an
 * element with only character content on one line.
 */
final class XmlRenderer {

    private XmlRenderer() {
    }

    static String render(EvtxElement root) {
        StringBuilder sb = new StringBuilder(2048);
        element(sb, root, 0);
        return sb.toString();
    }

    /** The character content of nodes without markup (nested BinXML used as a plain value). */
    static String textOf(List<EvtxNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (EvtxNode n : nodes) {
            if (n instanceof EvtxText t) {
                sb.append(t.text());
            } else if (n instanceof EvtxElement e) {
                sb.append(textOf(e.children()));
            }
        }
        return sb.toString();
    }

    private static void element(StringBuilder sb, EvtxElement e, int depth) {
        if (e.vacant()) {
            return;
        }
        EvtxValue single = e.value();
        if (single != null && single.isArray() && !single.elements().isEmpty()) {
            // Windows writes an element holding an array once per item (classic EventData).
            for (EvtxValue item : single.elements()) {
                element(sb, new EvtxElement(e.name(), e.attributes(), List.of(EvtxText.of(item))), depth);
            }
            return;
        }
        indent(sb, depth);
        sb.append('<').append(e.name());
        for (EvtxAttribute a : e.attributes()) {
            sb.append(' ').append(a.name()).append("=\"");
            escape(sb, a.text(), true);
            sb.append('"');
        }
        List<EvtxNode> children = e.children();
        boolean hasElements = false;
        boolean hasText = false;
        for (EvtxNode n : children) {
            if (n instanceof EvtxElement) {
                hasElements = true;
            } else if (((EvtxText) n).kind() != EvtxText.Kind.VALUE || !((EvtxText) n).value().isEmptyText()) {
                hasText = true;
            }
        }
        if (!hasElements && !hasText) {
            sb.append("/>\n");
            return;
        }
        sb.append('>');
        if (!hasElements) {
            text(sb, children);
        } else {
            sb.append('\n');
            for (EvtxNode n : children) {
                if (n instanceof EvtxElement child) {
                    element(sb, child, depth + 1);
                } else {
                    indent(sb, depth + 1);
                    text(sb, List.of(n));
                    sb.append('\n');
                }
            }
            indent(sb, depth);
        }
        sb.append("</").append(e.name()).append(">\n");
    }

    private static void text(StringBuilder sb, List<EvtxNode> nodes) {
        for (EvtxNode n : nodes) {
            EvtxText t = (EvtxText) n;
            switch (t.kind()) {
                case CDATA -> sb.append("<![CDATA[").append(t.text()).append("]]>");
                case RAW -> sb.append(t.text());
                default -> escape(sb, t.text(), false);
            }
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private static void escape(StringBuilder sb, String s, boolean attribute) {
        int clean = 0;
        while (clean < s.length()) {
            char c = s.charAt(clean);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                break;
            }
            clean++;
        }
        sb.append(s, 0, clean);
        for (int i = clean; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
    }
}
