package org.exhunt.spark;

import java.util.List;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.HeldMatch;

/**
 * What one slice of a server's files gave, on its way to the server's judge: the outcomes of whole
 * files, the outcomes of EVTX chunk ranges (joined per file by the judge, in chunk order), and the
 * matches the server's Sigma correlations want (correlated by the judge over all slices).
 */
record SliceOutcome(List<FileHunter.Outcome> files, List<Part> parts, List<HeldMatch> held) {

    SliceOutcome {
        files = List.copyOf(files);
        parts = List.copyOf(parts);
        held = List.copyOf(held);
    }

    /** The outcome of chunks {@code firstChunk ..} of the file at {@code uri}. */
    record Part(String uri, int firstChunk, FileHunter.Outcome outcome) {
    }
}
