package org.exhunt.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * A template with the values of one instance of it, filled in on first use: what a nested BinXML
 * value carries when it is a single template instance.
 */
final class TemplateInstance {

    private final EvtxTemplate template;
    private final EvtxValue[] values;
    /** Racing threads fill in equal content; the list is immutable, so any of them may win. */
    private List<EvtxNode> nodes;

    TemplateInstance(EvtxTemplate template, EvtxValue[] values) {
        this.template = template;
        this.values = values;
    }

    EvtxTemplate template() {
        return template;
    }

    int count() {
        return values.length;
    }

    EvtxValue value(int index) {
        return index >= 0 && index < values.length ? values[index] : EvtxValue.NULL;
    }

    List<EvtxNode> nodes() {
        List<EvtxNode> n = nodes;
        if (n == null) {
            List<EvtxNode> out = new ArrayList<>(1);
            // depth 1: where a stream's own template instance puts its definition
            Instantiator.fill(template.definition(), values, out, 1);
            n = List.copyOf(out);
            nodes = n;
        }
        return n;
    }
}
