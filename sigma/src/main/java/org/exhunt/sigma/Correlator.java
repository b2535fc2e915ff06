package org.exhunt.sigma;

import java.util.List;

import org.exhunt.sigma.correlation.CorrelationRuntime;

/**
 * The correlation state of one scan: feed it the matches of the rules that correlations refer
 * to, in any order and from any thread, then {@link #finish()} to evaluate every correlation.
 *
 * <pre>{@code
 * Correlator correlator = Correlator.create(ruleSet);
 * matcher.match(event, m -> {
 *     if (correlator.wants(m.rule())) correlator.accept(m);
 *     if (correlator.reportsOnItsOwn(m.rule())) report(m);
 * });
 * List<CorrelationMatch> found = correlator.finish();
 * }</pre>
 *
 * <p>A match is kept until {@link #finish()}; if its event object is reused by whoever produced
 * it, pass a match whose event stays valid (the time, group-by and value fields are read at
 * {@link #accept} and are safe either way).
 */
public final class Correlator {

    private final CorrelationRuntime runtime;

    private Correlator(CorrelationRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Resolves every correlation's rule references (by {@code name} or {@code id}). A correlation
     * whose references cannot be resolved, are ambiguous or form a cycle is left out and reported
     * in {@link #problems()}.
     */
    public static Correlator create(RuleSet rules) {
        return new Correlator(CorrelationRuntime.create(rules.rules(), rules.correlations()));
    }

    /**
     * Correlations that cannot run (unresolved or ambiguous references, cycles); after
     * {@link #finish()}, also matches that could not be correlated (no time, no group-by value).
     */
    public List<RuleProblem> problems() {
        return runtime.problems();
    }

    /** Whether any correlation refers to this rule, so its matches must be fed to {@link #accept}. */
    public boolean wants(SigmaRule rule) {
        return runtime.wants(rule);
    }

    /**
     * Whether the rule's own matches should be reported: false only when every correlation that
     * refers to it leaves {@code generate} unset or false (the specification's default: only the
     * correlation is reported).
     */
    public boolean reportsOnItsOwn(SigmaRule rule) {
        return runtime.reportsOnItsOwn(rule);
    }

    /** The same question for a correlation that other correlations may refer to. */
    public boolean reportsOnItsOwn(CorrelationRule rule) {
        return runtime.reportsOnItsOwn(rule);
    }

    /** Takes one match of a wanted rule; matches of other rules are ignored. Thread-safe. */
    public void accept(RuleMatch match) {
        runtime.accept(match);
    }

    /**
     * Evaluates every correlation (inner correlations first, so chains see their matches) and
     * returns the matches of correlations that report on their own, ordered by first time, then
     * rule. Call once, after the last {@link #accept}.
     */
    public List<CorrelationMatch> finish() {
        return runtime.finish();
    }
}
