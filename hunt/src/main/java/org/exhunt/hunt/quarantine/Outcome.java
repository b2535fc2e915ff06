package org.exhunt.hunt.quarantine;

import java.util.List;

/**
 * The result of a quarantine or restore run: one step per file, in the order they were handled,
 * and notes about the run as a whole (repairs after an interrupted run, a report that names no file).
 */
public record Outcome(List<Step> steps, List<String> notes) {

    public Outcome {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** Files that could not be taken or restored as asked. */
    public long problems() {
        return steps.stream().filter(s -> s.action().problem()).count();
    }

    public long count(Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }
}
