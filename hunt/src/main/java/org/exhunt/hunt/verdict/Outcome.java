package org.exhunt.hunt.verdict;

import java.util.Locale;
import org.exhunt.hunt.finding.RuleRef;

/**
 * What a rule says about the attack stage it detects, read from its {@code exhunt.outcome.*} tag.
 * Community rules carry no such tag; {@link #of} then answers {@code null}.
 */
enum Outcome {
    RECON("exhunt.outcome.recon"),
    ATTEMPT("exhunt.outcome.attempt"),
    SUCCESS("exhunt.outcome.success"),
    POST_EXPLOITATION("exhunt.outcome.post-exploitation");

    private static final String PREFIX = "exhunt.outcome.";
    private static final Outcome[] ALL = values();

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** The rule's outcome; if a rule carries several by mistake, the most severe counts. */
    static Outcome of(RuleRef rule) {
        Outcome found = null;
        for (String raw : rule.tags()) {
            // Asked twice for each of a scan's findings, most of them by rules without such a
            // tag: other tags are passed over before any copy is made.
            int start = 0;
            while (start < raw.length() && raw.charAt(start) <= ' ') {
                start++; // what trim() drops
            }
            if (!raw.regionMatches(true, start, PREFIX, 0, PREFIX.length())) {
                continue;
            }
            String tag = raw.trim().toLowerCase(Locale.ROOT);
            for (Outcome outcome : ALL) {
                if (outcome.tag.equals(tag) && (found == null || outcome.compareTo(found) > 0)) {
                    found = outcome;
                }
            }
        }
        return found;
    }

    boolean meansCompromise() {
        return this == SUCCESS || this == POST_EXPLOITATION;
    }
}
