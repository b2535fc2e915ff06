package org.exhunt.hunt.scan;

import org.exhunt.hunt.pack.BuiltInRules;
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
    public record Validation(int loaded, int rejected, int correlations, int iocLists, int iocEntries,
                             int iocRejected, List<String> problems) { }

    /** One rule of the built-in pack. */
    public record Entry(String engine, String id, String title, String level, List<String> tags) { }

    private RuleCatalog() {
    }

    /** Loads and compiles every Sigma rule under {@code paths} the way a scan would. */
    public static Validation validate(List<Path> paths) {
        RuleLoader loader = new RuleLoader();
        List<String> problems = new ArrayList<>();
        Pipeline pipeline = builtInPipeline();
        for (Path p : paths) {
            if (isIocList(p)) continue;
            for (Pipeline found : RulePaths.add(loader, p, problems)) pipeline = pipeline.then(found);
        }
        RuleSet rules = loader.load();
        SigmaEngine engine = SigmaEngine.compile(rules, pipeline);
        for (RuleProblem p : rules.problems()) problems.add(p.toString());
        for (RuleProblem p : engine.problems()) problems.add(p.toString());
        for (RuleProblem p : engine.correlator().problems()) problems.add(p.toString());
        int sigmaRejected = problems.size();
        // IOC lists (*.tsv) found under the same paths are checked too.
        org.exhunt.hunt.ioc.IocSet iocs = org.exhunt.hunt.ioc.IocSet.empty();
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p) || isIocList(p)) iocs = iocs.merge(org.exhunt.hunt.ioc.IocSet.load(p));
        }
        iocs.problems().forEach(p -> problems.add(p.toString()));
        return new Validation(engine.compiledRules(), sigmaRejected, rules.correlations().size(),
                iocs.lists().size(), iocs.size(), iocs.problems().size(), problems);
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
        // IOC lists come last: their level depends on where a value is seen, not on the list.
        org.exhunt.hunt.ioc.IocSet iocs = org.exhunt.hunt.ioc.IocSet.builtIn();
        for (org.exhunt.hunt.ioc.IocList list : iocs.lists()) {
            long n = iocs.entries().stream().filter(e -> list.equals(e.list())).count();
            out.add(new Entry("ioc", list.ruleId(), list.title() + " (" + n + " entries)", "by context", list.tags()));
        }
        return out;
    }

    private static boolean isIocList(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv")
                && !java.nio.file.Files.isDirectory(p);
    }

    static Pipeline builtInPipeline() {
        String text = BuiltInRules.text(Detections.PIPELINE);
        return text == null ? Pipeline.none() : Pipeline.parse("builtin:" + Detections.PIPELINE, text);
    }

    private static int levelRank(String level) {
        return org.exhunt.hunt.finding.Level.parse(level).ordinal();
    }
}
