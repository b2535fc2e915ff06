package org.exhunt.evtx;

/** An attribute of an element with its typed value. */
public record EvtxAttribute(String name, EvtxValue value) {

    public EvtxAttribute {
        if (name == null || value == null) {
            throw new IllegalArgumentException("name and value are required");
        }
    }

    public String text() {
        return value.text();
    }
}
