package org.exhunt.evtx;

import java.util.List;

/**
 * What a read produced.
 *
 * @param records records delivered
 * @param chunks chunks found (with the {@code ElfChnk} magic)
 * @param dirty the file header says the file was not closed cleanly
 * @param recognised the data is an EVTX file: its file header or at least one chunk was found
 * @param problems every problem found, in file order
 */
public record EvtxSummary(long records, int chunks, boolean dirty, boolean recognised, List<EvtxProblem> problems) {

    public EvtxSummary {
        problems = List.copyOf(problems);
    }

    /** No damage was found. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
