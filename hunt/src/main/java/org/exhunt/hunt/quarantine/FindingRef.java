package org.exhunt.hunt.quarantine;

/** A finding of the report that named a file, as the manifest keeps it. */
public record FindingRef(String ruleId, String title, String level, String engine) { }
