package org.exhunt.yara;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.BuiltinRuntimes;
import org.exhunt.yara.module.ModuleRegex;
import org.exhunt.yara.module.ModuleRuntime;
import org.exhunt.yara.pattern.Limits;
import org.exhunt.yara.pattern.PatternSet;
import org.exhunt.yara.pattern.PatternSpec;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.Rule;

/**
 * Scans buffers with compiled rules, as libyara does: every string of every rule is searched in
 * one pass (identical strings of different rules are searched once), then each rule's condition
 * is evaluated in the order the rules were written, so a condition can use the rules before it.
 * Global rules that fail hide every match; private rules and private strings are not reported.
 *
 * <pre>{@code
 * YaraCompiler c = new YaraCompiler();
 * c.addFile(Path.of("webshells.yar"));
 * YaraScanner scanner = YaraScanner.of(c.rules());
 * ScanResult r = scanner.scan(Files.readAllBytes(file),
 *         ScanOptions.defaults().withExternals(Map.of("filename", "x.aspx")));
 * r.matches().forEach(m -> System.out.println(m.rule()));
 * }</pre>
 *
 * <p>Immutable once built and safe to use from several threads at once.
 */
public final class YaraScanner {

    /**
     * Matches of one string a {@link YaraMatch} lists (all of them still count in conditions):
     * bounds the memory of a report when a string matches everywhere.
     */
    public static final int MAX_REPORTED_PER_STRING = 10_000;

    private final List<CompiledRule> rules;
    private final Map<String, Integer> ruleIndexes;
    private final PatternSet patterns;
    private final Map<String, Object> defaultExternals;
    private final Map<String, ModuleRuntime> runtimes = new HashMap<>();
    private final Map<Expr.RegexLiteral, ModuleRegex> regexes = new IdentityHashMap<>();
    private final List<YaraProblem> problems = new ArrayList<>();
    private final boolean anyGlobal;
    /** Per pattern: whether some condition counts or places its matches ({@code #a}, {@code @a}, {@code $a at}). */
    private final boolean[] positional;

    private YaraScanner(YaraRules compiled, Collection<ModuleRuntime> moduleRuntimes) {
        moduleRuntimes.forEach(r -> runtimes.put(r.name(), r));
        this.defaultExternals = compiled.externals();
        List<Rule> all = compiled.rules();
        StringPatterns strings = new StringPatterns(all);
        problems.addAll(strings.problems());
        this.patterns = strings.patternSet();
        this.ruleIndexes = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ruleIndexes.put(all.get(i).name(), i);
        }
        this.rules = new ArrayList<>(all.size());
        boolean global = false;
        for (int i = 0; i < all.size(); i++) {
            Rule r = all.get(i);
            int[] own = strings.patternsOf(i);
            rules.add(new CompiledRule(r, i, own == null ? new int[r.strings().size()] : own, own == null, ruleIndexes));
            global |= r.isGlobal();
            ExprWalk.each(r.condition(), e -> {
                if (e instanceof Expr.RegexLiteral lit) {
                    regexes.put(lit, ConditionRegex.compile(lit.regex()));
                }
            });
        }
        this.anyGlobal = global;
        this.positional = new boolean[patterns.size()];
        for (CompiledRule r : rules) {
            markPositional(r);
        }
    }

    /**
     * Fast mode keeps one match of a string only when conditions just ask whether it is there;
     * a string that is counted or located keeps them all, as in libyara.
     */
    private void markPositional(CompiledRule r) {
        ExprWalk.each(r.rule.condition(), e -> {
            String id = null;
            if (e instanceof Expr.StringCount c) {
                id = c.id();
            } else if (e instanceof Expr.StringOffset o) {
                id = o.id();
            } else if (e instanceof Expr.StringLength l) {
                id = l.id();
            } else if (e instanceof Expr.StringAt at) {
                id = at.id();
            } else if (e instanceof Expr.StringIn in) {
                id = in.id();
            } else if (e instanceof Expr.Of of && (of.at() != null || of.in() != null)) {
                for (int m : r.members(of.set())) {
                    positional[r.patterns[m]] = true;
                }
            }
            if (id == null) {
                return;
            }
            if (id.equals("$")) {
                // Inside "for ... of": the loop's strings are the ones counted or located.
                ExprWalk.each(r.rule.condition(), loop -> {
                    if (loop instanceof Expr.ForOf f) {
                        for (int m : r.members(f.set())) {
                            positional[r.patterns[m]] = true;
                        }
                    }
                });
            } else if (r.stringNumber(id) >= 0) {
                positional[r.patterns[r.stringNumber(id)]] = true;
            }
        });
    }

    /** The pattern the scanner searches for a string definition, modifiers applied (for tools and benchmarks). */
    public static PatternSpec patternOf(org.exhunt.yara.syntax.StringDef string) {
        return StringPatterns.spec(string);
    }

    /** Prepares the rules for scanning with the built-in module runtimes. */
    public static YaraScanner of(YaraRules rules) {
        return new YaraScanner(rules, BuiltinRuntimes.all());
    }

    /** Prepares the rules for scanning with the given module runtimes (by their names). */
    public static YaraScanner of(YaraRules rules, Collection<ModuleRuntime> moduleRuntimes) {
        return new YaraScanner(rules, moduleRuntimes);
    }

    /**
     * Rules that could not be prepared for scanning (a string the matcher refuses though the
     * compiler accepted it); such a rule never matches.
     */
    public List<YaraProblem> problems() {
        return List.copyOf(problems);
    }

    /** How many rules, private ones included. */
    public int ruleCount() {
        return rules.size();
    }

    /** How many distinct strings the search looks for. */
    public int patternCount() {
        return patterns.size();
    }

    public ScanResult scan(byte[] data) {
        return scan(data, ScanOptions.defaults());
    }

    public ScanResult scan(byte[] data, ScanOptions options) {
        long deadline = options.timeout().isZero() ? 0 : System.nanoTime() + options.timeout().toNanos();
        if (deadline == 0 && !options.timeout().isZero()) {
            deadline = 1;
        }
        MatchTable table = new MatchTable(patterns.size(), options.fastMode() ? positional : null);
        boolean searched = patterns.scan(data, table, deadline);
        Map<String, Object> externals = new HashMap<>(defaultExternals);
        options.externals().forEach((k, v) -> {
            if (externals.containsKey(k)) {
                externals.put(k, v instanceof Integer i ? (Object) (long) i : v);
            }
        });
        ScanState state = new ScanState(this, data, table, externals, deadline);
        ConditionEvaluator evaluator = new ConditionEvaluator(state);
        boolean[] matched = new boolean[rules.size()];
        boolean timedOut = false;
        int evaluated = 0;
        try {
            if (!searched) {
                throw new ConditionEvaluator.TimeUp();
            }
            state.checkTime();
            for (CompiledRule r : rules) {
                boolean m = !r.disabled && (!r.needsAStringMatch || anyStringMatched(r, table)) && evaluator.matches(r);
                matched[r.index] = m;
                state.setRuleResult(r.index, m);
                evaluated++;
            }
        } catch (ConditionEvaluator.TimeUp e) {
            timedOut = true;
        }
        boolean globalFailed = false;
        if (anyGlobal) {
            for (int i = 0; i < evaluated; i++) {
                globalFailed |= rules.get(i).rule.isGlobal() && !matched[i];
            }
        }
        List<YaraMatch> found = new ArrayList<>();
        List<YaraMatch> notFound = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (r.rule.isPrivate()) {
                continue;
            }
            boolean m = matched[r.index] && !globalFailed;
            if (m) {
                found.add(report(r, table, data, options.keepStrings()));
            } else if (options.reportNonMatching()) {
                notFound.add(new YaraMatch(r.rule.name(), r.rule.tags(), r.rule.meta(), List.of()));
            }
        }
        List<String> warnings = new ArrayList<>(state.warnings);
        if (table.overflowed()) {
            warnings.add("more than " + MatchTable.MAX_TOTAL + " string matches in this data: later matches were dropped,"
                    + " so rules counting them may be missed");
        }
        for (CompiledRule r : rules) {
            for (int s = 0; s < r.patterns.length; s++) {
                if (table.count(r.patterns[s]) >= Limits.MAX_MATCHES_PER_PATTERN) {
                    warnings.add("rule \"" + r.rule.name() + "\": string " + r.ids[s] + " has too many matches; only the first "
                            + Limits.MAX_MATCHES_PER_PATTERN + " are kept");
                }
            }
        }
        return new ScanResult(found, notFound, warnings, timedOut);
    }

    private static boolean anyStringMatched(CompiledRule r, MatchTable table) {
        for (int p : r.patterns) {
            if (table.count(p) > 0) {
                return true;
            }
        }
        return false;
    }

    private static YaraMatch report(CompiledRule r, MatchTable table, byte[] data, boolean keepStrings) {
        List<MatchedString> strings = new ArrayList<>();
        if (keepStrings) {
            for (int s = 0; s < r.patterns.length; s++) {
                if (r.privateStrings[s]) {
                    continue;
                }
                int p = r.patterns[s];
                for (int i = 0; i < Math.min(table.count(p), MAX_REPORTED_PER_STRING); i++) {
                    int off = table.offset(p, i);
                    int len = table.length(p, i);
                    byte[] bytes = Arrays.copyOfRange(data, off, Math.min(data.length, off + Math.min(len, MatchedString.MAX_DATA)));
                    strings.add(new MatchedString(r.ids[s], off, len, bytes));
                }
            }
        }
        return new YaraMatch(r.rule.name(), r.rule.tags(), r.rule.meta(), strings);
    }

    // ---- for the evaluation

    List<CompiledRule> rules() {
        return rules;
    }

    Integer ruleIndex(String name) {
        return ruleIndexes.get(name);
    }

    ModuleRuntime runtime(String name) {
        return runtimes.get(name);
    }

    ModuleRegex regex(Expr.RegexLiteral literal) {
        return regexes.get(literal);
    }
}
