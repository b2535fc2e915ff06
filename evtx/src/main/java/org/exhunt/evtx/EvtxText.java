package org.exhunt.evtx;

/**
 * Character content of an element: a typed value, a CDATA section, or raw markup that is kept
 * as written (a processing instruction, an entity reference XML does not predefine).
 */
public record EvtxText(Kind kind, EvtxValue value) implements EvtxNode {

    public enum Kind { VALUE, CDATA, RAW }

    public EvtxText {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("kind and value are required");
        }
    }

    static EvtxText of(EvtxValue v) {
        return new EvtxText(Kind.VALUE, v);
    }

    /** The text as Windows renders it. */
    public String text() {
        return value.text();
    }
}
