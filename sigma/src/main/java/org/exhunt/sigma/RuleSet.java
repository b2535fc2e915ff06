package org.exhunt.sigma;

import java.util.List;

/** What a {@link RuleLoader} read: the rules, correlations and filters that loaded, and the problems of those that did not. */
public final class RuleSet {

    private final List<SigmaRule> rules;
    private final List<CorrelationRule> correlations;
    private final List<SigmaFilter> filters;
    private final List<RuleProblem> problems;
    private final int files;

    RuleSet(List<SigmaRule> rules, List<CorrelationRule> correlations, List<SigmaFilter> filters,
            List<RuleProblem> problems, int files) {
        this.rules = List.copyOf(rules);
        this.correlations = List.copyOf(correlations);
        this.filters = List.copyOf(filters);
        this.problems = List.copyOf(problems);
        this.files = files;
    }

    /** Detection rules in load order (files in sorted order, documents in file order). */
    public List<SigmaRule> rules() { return rules; }

    public List<CorrelationRule> correlations() { return correlations; }

    /** How many filter documents loaded. */
    public int filterCount() { return filters.size(); }

    /** Every rejected document, as {@code source:line: reason}. */
    public List<RuleProblem> problems() { return problems; }

    /** How many files or texts were read. */
    public int files() { return files; }

    List<SigmaFilter> filters() { return filters; }
}
