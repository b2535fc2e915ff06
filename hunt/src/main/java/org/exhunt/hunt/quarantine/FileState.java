package org.exhunt.hunt.quarantine;

import java.util.Locale;

/** Where a quarantined file stands; written in the manifest in lower case. */
public enum FileState {
    /** A verified copy is in the quarantine; the original was left in place. */
    COPIED,
    /** A verified copy is in the quarantine and the original was deleted. */
    REMOVED,
    /** The file was put back at its original path from the verified copy. */
    RESTORED;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileState fromWord(String w) {
        for (FileState s : values()) if (s.word().equals(w)) return s;
        return null;
    }
}
