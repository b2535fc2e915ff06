package org.exhunt.sigma;

import java.util.function.Consumer;

/**
 * The compiled rules for one kind of event. Thread-safe: many threads may match events at once.
 */
public interface Matcher {

    /** Hands every rule that matches {@code event} to {@code sink}, in rule load order. */
    void match(SigmaEvent event, Consumer<RuleMatch> sink);

    /** How many rules this matcher evaluates. */
    int ruleCount();
}
