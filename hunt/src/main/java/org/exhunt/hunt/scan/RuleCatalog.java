package org.exhunt.hunt.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleProblem;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaEngine;
import org.exhunt.sigma.SigmaRule;

/** Rule sets as a user sees them: checked for errors, or listed. */
public final class RuleCatalog {

    /** The outcome of validating rule files: how many rules can run, and why the others can't. */
    public record Validation(int loaded, int rejected, int correlations, List<String> problems) { }

    /** One rule of the built-in pack. */
    public record Entry(String engine, String id, String title, String level, List<String> tags) { }

    private RuleCatalog() {
    }

    /** Loads and compiles every Sigma rule under {@code paths} the way a scan would. */
    public static Validation validate(List<Path> paths) {
        RuleLoader loader = new RuleLoader();
        paths.forEach(loader::addPath);
        RuleSet rules = loader.load();
        SigmaEngine engine = SigmaEngine.compile(rules, builtInPipeline());
        List<String> problems = new ArrayList<>();
        for (RuleProblem p : rules.problems()) problems.add(p.toString());
        for (RuleProblem p : engine.problems()) problems.add(p.toString());
        for (RuleProblem p : engine.correlator().problems()) problems.add(p.toString());
        return new Validation(engine.compiledRules(), problems.size(), rules.correlations().size(), problems);
    }

    /** The built-in Sigma rules, sorted by level (highest first) then title. */
    public static List<Entry> builtIn() {
        RuleLoader loader = new RuleLoader();
        for (BuiltInRules.PackFile f : BuiltInRules.files("sigma", ".yml", ".yaml")) {
            loader.addText("builtin:" + f.name(), f.text());
        }
        List<Entry> out = new ArrayList<>();
        for (SigmaRule r : loader.load().rules()) {
            RuleRef ref = SigmaFindings.ref(r);
            out.add(new Entry("sigma", ref.id(), ref.title(), ref.level().word(), ref.tags()));
        }
        out.sort((a, b) -> {
            int c = Integer.compare(levelRank(b.level()), levelRank(a.level()));
            return c != 0 ? c : a.title().compareToIgnoreCase(b.title());
        });
        return out;
    }

    static Pipeline builtInPipeline() {
        String text = BuiltInRules.text(Detections.PIPELINE);
        return text == null ? Pipeline.none() : Pipeline.parse("builtin:" + Detections.PIPELINE, text);
    }

    private static int levelRank(String level) {
        return org.exhunt.hunt.finding.Level.parse(level).ordinal();
    }
}
