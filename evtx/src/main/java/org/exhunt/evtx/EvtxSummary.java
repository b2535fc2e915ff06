package org.exhunt.evtx;

import java.util.List;

/**
 * What a read produced.
 *
 * @param records records delivered
 * @param chunks chunks that held records or were expected to (per the header)
 * @param dirty the file header says the file was not closed cleanly
 * @param problems every problem found, in file order
 */
public record EvtxSummary(long records, int chunks, boolean dirty, List<EvtxProblem> problems) {

    public EvtxSummary {
        problems = List.copyOf(problems);
    }

    /** No damage was found. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
