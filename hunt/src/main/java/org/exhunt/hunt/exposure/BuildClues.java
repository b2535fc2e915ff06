package org.exhunt.hunt.exposure;

/**
 * Gathers build clues from files read in parallel and keeps the best one: registry over ExSetup
 * over OWA path, and the highest build among clues of one kind (an upgrade leaves the old
 * version's files and URLs behind; the newest one seen is the one installed last).
 */
public final class BuildClues {

    private BuildClue best;

    /** Offers a clue; null is ignored. */
    public synchronized void offer(BuildClue clue) {
        if (clue != null && clue.beats(best)) best = clue;
    }

    /** The best clue so far, or {@code null}. */
    public synchronized BuildClue best() {
        return best;
    }
}
