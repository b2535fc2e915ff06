package org.exhunt.evtx;

import java.util.List;

/**
 * BinXML as parsed, before substitution values are filled in: what a template definition holds,
 * and what a record's stream holds around its template instances.
 */
sealed interface TemplateNode {

    /** Content that needs no substitution, built once and shared by every record. */
    record Fixed(EvtxNode node) implements TemplateNode {
    }

    /**
     * An element with at least one substitution inside it.
     *
     * @param fixed the finished element when nothing inside it is substituted, else null
     */
    record Element(String name, List<Attribute> attributes, List<TemplateNode> children, EvtxElement fixed)
            implements TemplateNode {
    }

    /** An attribute whose value is made of literal values and substitutions. */
    record Attribute(String name, List<TemplateNode> parts) {
    }

    /**
     * Placeholder for value {@code index} of the template instance. An optional substitution
     * leaves nothing behind when its value is null.
     */
    record Substitution(int index, boolean optional) implements TemplateNode {
    }

    /** A template instance in a stream: a definition and the values for it. */
    record Instance(List<TemplateNode> definition, EvtxValue[] values) implements TemplateNode {
    }
}
