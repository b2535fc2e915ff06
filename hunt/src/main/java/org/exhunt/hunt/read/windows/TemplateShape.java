package org.exhunt.hunt.read.windows;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.evtx.EvtxTemplate;
import org.exhunt.evtx.EvtxText;
import org.exhunt.evtx.EvtxValue;

/**
 * An EVTX template definition as a small tree, read once per template through its visitor, so
 * {@link EvtxPlanCompiler} can look ahead (an element's whole content) where the visitor streams.
 */
final class TemplateShape {

    /** An element: its name, attributes in order, and content items ({@link TemplateShape}, {@link EvtxText}, {@link Slot}). */
    final String name;
    final List<Attribute> attributes = new ArrayList<>(2);
    final List<Object> content = new ArrayList<>(4);

    /** A substitution place in content. */
    record Slot(int index, boolean optional) {
    }

    /**
     * An attribute: a literal value, or substitution {@code index} (literal null), or a joined
     * value ({@code joined}, neither given).
     */
    record Attribute(String name, EvtxValue literal, int index, boolean joined) {
    }

    private TemplateShape(String name) {
        this.name = name;
    }

    /** The top level of a definition: an unnamed holder whose content is the definition's nodes. */
    static TemplateShape of(EvtxTemplate template) {
        TemplateShape top = new TemplateShape(null);
        List<TemplateShape> open = new ArrayList<>();
        open.add(top);
        template.accept(new EvtxTemplate.Visitor() {
            private TemplateShape current() {
                return open.get(open.size() - 1);
            }

            @Override
            public void startElement(String name) {
                TemplateShape e = new TemplateShape(name);
                current().content.add(e);
                open.add(e);
            }

            @Override
            public void attribute(String name, EvtxValue literal) {
                current().attributes.add(new Attribute(name, literal, -1, false));
            }

            @Override
            public void attributeSubstitution(String name, int index, boolean optional) {
                current().attributes.add(new Attribute(name, null, index, false));
            }

            @Override
            public void attributeJoined(String name) {
                current().attributes.add(new Attribute(name, null, -1, true));
            }

            @Override
            public void text(EvtxText literal) {
                current().content.add(literal);
            }

            @Override
            public void substitution(int index, boolean optional) {
                current().content.add(new Slot(index, optional));
            }

            @Override
            public void endElement() {
                open.remove(open.size() - 1);
            }
        });
        return top;
    }
}
