package org.exhunt.evtx;

/** A piece of event content: an element or a run of text. */
public sealed interface EvtxNode permits EvtxElement, EvtxText {
}
