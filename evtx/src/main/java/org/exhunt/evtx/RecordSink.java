package org.exhunt.evtx;

/** Receives the records of a file in file order, and the problems found on the way. */
@FunctionalInterface
public interface RecordSink {

    void record(EvtxRecord record);

    /** Called for each problem as it is found; they are also in the {@link EvtxSummary}. */
    default void problem(EvtxProblem problem) {
    }
}
