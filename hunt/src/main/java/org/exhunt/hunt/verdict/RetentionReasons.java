package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sentences the log-retention check adds to a verdict. */
final class RetentionReasons {

    private RetentionReasons() {
    }

    /** Why the logs cannot clear the server: they begin after the first attacks through an open CVE. */
    static String tooShort(Retention r) {
        return "The web logs begin " + Retention.day(r.webStart()) + " (" + perKind(r) + "), after exploitation of "
                + r.windowCve() + " (" + r.windowChain() + "), open on this build, began on " + r.windowStart()
                + ": attacks before the logs begin cannot be ruled out.";
    }

    /**
     * A note when the logs reach back but end before the window opens: they cannot show attacks
     * through that CVE at all. {@code null} when they do not end that early.
     */
    static String endsEarly(Retention r) {
        Instant end = r.webEnd();
        if (end == null || !Retention.day(end).isBefore(r.windowStart())) return null;
        return "The web logs end " + Retention.day(end) + ", before exploitation of " + r.windowCve() + " ("
                + r.windowChain() + "), open on this build, began on " + r.windowStart()
                + ": they cannot show attacks through it.";
    }

    /** The check could not be made: the build, and so its open CVEs, are not known. */
    static String unknownBuild(Retention r, ExploitationDates dates) {
        StringBuilder text = new StringBuilder("The server's Exchange build is not known, so whether the logs"
                + " reach back to the first attacks on its open CVEs was not checked");
        Instant start = r.webStart();
        if (start != null) text.append(" (web logs begin ").append(Retention.day(start)).append(')');
        ExploitationDates.Row first = dates.first();
        if (first != null) {
            text.append("; the earliest known, through ").append(first.chain()).append(", began ")
                    .append(first.began());
        }
        return text.append('.').toString();
    }

    private static String perKind(Retention r) {
        List<String> parts = new ArrayList<>();
        for (Retention.LogSpan span : r.logs()) {
            if (!Retention.WEB_LOG_KINDS.contains(span.kind())) continue;
            String name = span.kind().equals("iis-w3c") ? "IIS W3C" : "Exchange HttpProxy";
            parts.add(name + " " + Retention.day(span.earliest()));
        }
        return String.join(", ", parts);
    }
}
