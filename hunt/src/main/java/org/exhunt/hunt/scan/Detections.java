package org.exhunt.hunt.scan;

import org.exhunt.hunt.pack.BuiltInRules;
import java.util.ArrayList;
import org.exhunt.hunt.sweep.FileSweep;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.intel.Feed;
import org.exhunt.hunt.intel.IndicatorFeeds;
import org.exhunt.hunt.ioc.IocMatcher;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.sigma.Logsource;
import org.exhunt.sigma.Matcher;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleProblem;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaEngine;

/**
 * Every rule a scan runs, loaded and compiled once: the Sigma engine with one matcher per kind of
 * log, and the IOC matcher. Shared by all worker threads.
 */
final class Detections {

    static final String PIPELINE = "pipelines/exhunt.yml";
    /** Rule-side logsource equivalences for Windows events (registry_event and the like). */
    static final String WINDOWS_PIPELINE = "pipelines/windows.yml";

    final SigmaEngine sigma;
    final IocMatcher iocs;
    /** YARA and file hashes over web files (and over logs when the user brings YARA rules). */
    final FileSweep sweep;
    final List<String> problems = new ArrayList<>();
    private final Map<SourceKind, Matcher> matchers = new EnumMap<>(SourceKind.class);
    private final int iocCount;

    private Detections(SigmaEngine sigma, IocSet iocSet, FileSweep sweep) {
        this.sigma = sigma;
        this.sweep = sweep;
        this.iocs = iocSet.matcher();
        this.iocCount = iocSet.size();
        for (SourceKind kind : SourceKind.values()) {
            if (kind.logsource() != null) matchers.put(kind, sigma.matcherFor(kind.logsource()));
        }
    }

    static Detections load(ScanOptions options) {
        RuleLoader loader = new RuleLoader();
        Pipeline pipeline = Pipeline.none();
        IocSet iocSet = IocSet.empty();
        List<String> loadProblems = new ArrayList<>();
        if (options.defaultRules()) {
            for (BuiltInRules.PackFile f : BuiltInRules.files("sigma", ".yml", ".yaml")) {
                loader.addText("builtin:" + f.name(), f.text());
            }
            String pipe = BuiltInRules.text(PIPELINE);
            if (pipe != null) pipeline = Pipeline.parse("builtin:" + PIPELINE, pipe);
            iocSet = IocSet.builtIn();
        } else {
            // The mapping of our event fields is not a rule: keep it even without the default rules.
            String pipe = BuiltInRules.text(PIPELINE);
            if (pipe != null) pipeline = Pipeline.parse("builtin:" + PIPELINE, pipe);
        }
        // Like the field mapping, the Windows logsource equivalences are a mapping, not rules.
        String windows = BuiltInRules.text(WINDOWS_PIPELINE);
        if (windows != null) pipeline = pipeline.then(Pipeline.parse("builtin:" + WINDOWS_PIPELINE, windows));
        // Pipelines shipped beside the user's rules (a "pipelines" folder) apply after ours.
        for (var p : options.rulePaths()) {
            for (Pipeline found : RulePaths.add(loader, p, loadProblems)) pipeline = pipeline.then(found);
        }
        // Indicator feeds join the lists, so log matching and the file sweep both use them.
        List<Feed> feeds = IndicatorFeeds.load(options.iocFeeds());
        iocSet = iocSet.merge(IndicatorFeeds.iocSet(feeds));
        for (Feed f : feeds) f.problems().forEach(p -> loadProblems.add(p.toString()));
        RuleSet rules = loader.load();
        SigmaEngine engine = SigmaEngine.compile(rules, pipeline);
        Map<String, String> builtInYara = new LinkedHashMap<>();
        if (options.defaultRules()) {
            for (BuiltInRules.PackFile f : BuiltInRules.files("yara", ".yar", ".yara")) {
                builtInYara.put("builtin:" + f.name(), f.text());
            }
        }
        FileSweep sweep = FileSweep.load(builtInYara, YaraRuleFiles.files(options.rulePaths()), iocSet);
        Detections d = new Detections(engine, iocSet, sweep);
        d.problems.addAll(sweep.problems());
        for (RuleProblem p : rules.problems()) d.problems.add(p.toString());
        for (RuleProblem p : engine.problems()) d.problems.add(p.toString());
        iocSet.problems().forEach(p -> d.problems.add(p.toString()));
        d.problems.addAll(loadProblems);
        return d;
    }

    Matcher matcher(SourceKind kind) {
        return matchers.get(kind);
    }

    /**
     * The rules for events of one logsource, for events that name their own (Windows events). The
     * engine compiles one matcher per distinct logsource and caches it, thread-safely; a Windows
     * file has a handful of distinct logsources, so this is a hash lookup per event.
     */
    Matcher matcher(Logsource logsource) {
        return sigma.matcherFor(logsource);
    }

    /** How many rules of each engine are loaded, for the report. */
    Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("sigma", sigma.compiledRules());
        m.put("sigma_correlations", sigma.ruleSet().correlations().size());
        m.put("ioc", iocCount);
        m.put("yara", sweep.rules());
        return m;
    }
}
