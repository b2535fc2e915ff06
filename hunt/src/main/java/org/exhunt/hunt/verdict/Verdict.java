package org.exhunt.hunt.verdict;

import java.util.Locale;

/** The answer to "were we exploited?", from worst to best news. Reports write it in lower case. */
public enum Verdict {
    /** Nothing suspicious in logs that were there to read. */
    CLEAN,
    /** Someone probed or tried to exploit the server; nothing shows they succeeded. */
    ATTEMPTED,
    /** The evidence shows a successful exploit or what an attacker did afterwards. */
    COMPROMISED,
    /**
     * The evidence needed to answer was not there: no web log read, nothing could be read, or the
     * web logs begin after exploitation of a CVE still open on the server began.
     */
    INCONCLUSIVE;

    /** The lower-case word used in reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
