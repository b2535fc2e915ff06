package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled Sigma rules, ready to match events. Thread-safe once built.
 *
 * <pre>{@code
 * SigmaEngine engine = SigmaEngine.compile(new RuleLoader().addPath(dir).load(), Pipeline.none());
 * Matcher m = engine.matcherFor(new Logsource(null, "webserver", null));
 * m.match(event, hit -> System.out.println(hit.rule().title()));
 * }</pre>
 */
public final class SigmaEngine {

    /** Key for the matcher over every rule, whatever its logsource. */
    private static final Logsource ANY = new Logsource("\u0000any", null, null);

    private final RuleSet ruleSet;
    private final Pipeline pipeline;
    private final List<CompiledRule> compiled;
    private final List<RuleProblem> problems;
    private final boolean prefilter;
    private final ConcurrentHashMap<Logsource, Matcher> matchers = new ConcurrentHashMap<>();
    /**
     * What each rule logsource stands for under the pipeline. Thousands of rules share a few
     * dozen logsources, and every event logsource's matcher asks it of every rule.
     */
    private final ConcurrentHashMap<Logsource, List<Logsource>> ruleSources = new ConcurrentHashMap<>();

    private SigmaEngine(RuleSet ruleSet, Pipeline pipeline, List<CompiledRule> compiled, List<RuleProblem> problems,
                        boolean prefilter) {
        this.ruleSet = ruleSet;
        this.pipeline = pipeline;
        this.compiled = List.copyOf(compiled);
        this.problems = List.copyOf(problems);
        this.prefilter = prefilter;
    }

    /** Compiles every loaded rule; a rule that cannot compile is left out and reported in {@link #problems()}. */
    public static SigmaEngine compile(RuleSet rules, Pipeline pipeline) {
        return compile(rules, pipeline, true, ItemCompiler.MODIFIERS);
    }

    /** As {@link #compile(RuleSet, Pipeline)}; {@code prefilter = false} evaluates every rule on every event (for testing the prefilter). */
    static SigmaEngine compile(RuleSet rules, Pipeline pipeline, boolean prefilter, ItemCompiler items) {
        // Rules compile independently (thousands of them, regexes included): on all cores, and
        // collected in rule order so the result is the same as one by one.
        List<SigmaRule> all = rules.rules();
        Object[] outcome = new Object[all.size()];
        java.util.stream.IntStream.range(0, all.size()).parallel().forEach(i -> {
            SigmaRule rule = all.get(i);
            try {
                outcome[i] = RuleCompiler.compile(rule, rules.filters(), pipeline, items);
            } catch (CompileException e) {
                outcome[i] = new RuleProblem(rule.source(), e.line() > 0 ? e.line() : rule.line(), e.getMessage());
            }
        });
        List<CompiledRule> compiled = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Object o : outcome) {
            if (o instanceof CompiledRule c) {
                compiled.add(c);
            } else {
                problems.add((RuleProblem) o);
            }
        }
        problems.addAll(unresolvedFilterReferences(rules));
        return new SigmaEngine(rules, pipeline, compiled, problems, prefilter);
    }

    /** A filter naming a rule that is not loaded is most likely a typo; say so rather than filter nothing. */
    private static List<RuleProblem> unresolvedFilterReferences(RuleSet rules) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (SigmaRule r : rules.rules()) {
            if (r.id() != null) {
                known.add(r.id());
            }
            if (r.name() != null) {
                known.add(r.name());
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        for (SigmaFilter f : rules.filters()) {
            for (String ref : f.rules()) {
                if (!known.contains(ref)) {
                    out.add(new RuleProblem(f.source(), f.line(), "filter '" + f.title() + "' names rule '" + ref
                            + "', which is not loaded (by id or name); the filter does nothing for it"));
                }
            }
        }
        return out;
    }

    /**
     * Rules that loaded but could not compile (unknown modifier, regex RE2/J rejects, ...), and
     * filters that name rules which are not loaded.
     */
    public List<RuleProblem> problems() {
        return problems;
    }

    public int compiledRules() {
        return compiled.size();
    }

    /**
     * The rules that apply to events of {@code eventSource} (directly or through the
     * pipeline's logsource equivalences), compiled into one matcher; cached per source.
     * {@code null} gives a matcher over every rule, whatever its logsource.
     */
    public Matcher matcherFor(Logsource eventSource) {
        return matchers.computeIfAbsent(eventSource == null ? ANY : eventSource, this::build);
    }

    private Matcher build(Logsource source) {
        List<CompiledRule> selected = new ArrayList<>();
        for (CompiledRule c : compiled) {
            if (source == ANY || applies(c.rule(), source)) {
                selected.add(c);
            }
        }
        return new GatedMatcher(selected, prefilter);
    }

    private boolean applies(SigmaRule rule, Logsource source) {
        Logsource declared = rule.logsource();
        List<Logsource> sources = declared == null ? pipeline.ruleSources(null)
                : ruleSources.computeIfAbsent(declared, pipeline::ruleSources);
        for (Logsource ls : sources) {
            if (ls.appliesTo(source)) {
                return true;
            }
        }
        return false;
    }

    /** A fresh correlation state over this engine's correlation rules. */
    public Correlator correlator() {
        return Correlator.create(ruleSet);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }
}
