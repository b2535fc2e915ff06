package org.exhunt.hunt.evidence;

/**
 * Something in the evidence that could not be walked as given: an unreadable folder, an archive
 * over a safety bound, an entry name that tries to leave its archive.
 *
 * @param path   the folder, file or entry as the user would name it
 * @param reason what was wrong, in words a user can act on
 */
public record DiscoveryProblem(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
