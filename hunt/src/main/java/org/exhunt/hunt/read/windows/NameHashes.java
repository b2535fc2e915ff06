package org.exhunt.hunt.read.windows;

/**
 * Remembers the folded hash ({@link FieldTable#foldHash}) of field-name Strings by identity, so
 * that a name asked or written again as the very same String object is not hashed again.
 * Open-addressed over a few neighbouring slots rather than one slot per name: with several
 * hundred names asked per event, two names sharing a slot would otherwise push each other out
 * on every event. When the neighbourhood is full, the oldest neighbour makes way. Not
 * thread-safe: one per thread.
 */
final class NameHashes {
    /** Slots looked at for one name; also how many names may share a home slot. */
    private static final int PROBES = 4;
    private static final int SIZE = 4096;

    private final String[] names = new String[SIZE];
    private final int[] hashes = new int[SIZE];

    int hash(String name) {
        int mask = SIZE - 1;
        int home = name.hashCode() & mask;
        for (int k = 0; k < PROBES; k++) {
            int at = (home + k) & mask;
            String known = names[at];
            if (known == name) return hashes[at];
            if (known == null) {
                int h = FieldTable.foldHash(name);
                hashes[at] = h;
                names[at] = name;
                return h;
            }
        }
        int h = FieldTable.foldHash(name);
        for (int k = PROBES - 1; k > 0; k--) {
            names[(home + k) & mask] = names[(home + k - 1) & mask];
            hashes[(home + k) & mask] = hashes[(home + k - 1) & mask];
        }
        names[home] = name;
        hashes[home] = h;
        return h;
    }
}
