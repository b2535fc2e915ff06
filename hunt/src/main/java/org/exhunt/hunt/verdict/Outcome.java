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

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** The rule's outcome; if a rule carries several by mistake, the most severe counts. */
    static Outcome of(RuleRef rule) {
        Outcome found = null;
        for (String raw : rule.tags()) {
            String tag = raw.trim().toLowerCase(Locale.ROOT);
            for (Outcome outcome : values()) {
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
