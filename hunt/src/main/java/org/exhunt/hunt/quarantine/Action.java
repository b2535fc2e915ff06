package org.exhunt.hunt.quarantine;

/** What became of one file in a run; {@link #problem()} marks the ones that make the command exit with 1. */
public enum Action {
    COPIED("copied", false),
    COPIED_AND_REMOVED("copied, original removed", false),
    ALREADY("already quarantined", false),
    WOULD_TAKE("would take", false),
    SKIPPED("skipped", true),
    REFUSED("not removed", true),
    FAILED("failed", true),
    RESTORED("restored", false),
    IN_PLACE("already in place", false),
    SUPERSEDED("other version chosen", false),
    CONFLICT("not restored", true);

    private final String label;
    private final boolean problem;

    Action(String label, boolean problem) {
        this.label = label;
        this.problem = problem;
    }

    public String label() {
        return label;
    }

    /** Whether this file could not be taken or restored as asked. */
    public boolean problem() {
        return problem;
    }
}
