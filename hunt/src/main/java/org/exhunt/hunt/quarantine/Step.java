package org.exhunt.hunt.quarantine;

/**
 * What a run did with one file: the path (as the report named it for quarantine, the place it was
 * put back for restore), the action and a sentence of detail (the reason when it is a problem).
 */
public record Step(String path, Action action, String detail) { }
