package org.exhunt.hunt.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.evidence.Classified;
import org.exhunt.hunt.evidence.Discovery;
import org.exhunt.hunt.evidence.EvidenceLimits;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.ioc.IocMatcher;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.sigma.Matcher;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.SigmaEngine;
import org.exhunt.sigma.SigmaRule;

/**
 * Runs the rule pack and the built-in IOC lists over an example evidence folder with the real
 * readers: the smallest scan that shows what a user scanning the folder would be told.
 */
final class ExampleScan {

    final List<Finding> findings = new ArrayList<>();
    final List<FileCoverage> coverage = new ArrayList<>();

    private ExampleScan() {
    }

    static Path example(String name) {
        Path folder = RulePack.sigmaFolder().getParent().getParent().resolve("examples").resolve(name);
        if (!Files.isDirectory(folder)) throw new AssertionError("example evidence folder missing: " + folder);
        return folder;
    }

    static ExampleScan of(Path folder) {
        SigmaEngine engine = SigmaEngine.compile(new RuleLoader().addPath(RulePack.sigmaFolder()).load(), Pipeline.none());
        IocMatcher iocs = IocSet.load(RulePack.sigmaFolder().getParent().resolve("ioc")).matcher();
        ExampleScan scan = new ExampleScan();
        try (Discovery discovery = Discovery.of(List.of(folder), EvidenceLimits.defaults())) {
            for (Classified c : discovery.files()) {
                if (c.kind() == SourceKind.UNKNOWN) {
                    scan.coverage.add(FileCoverage.skipped(c.file().path(), c.kind().id(), c.reason()));
                    continue;
                }
                Matcher matcher = engine.matcherFor(c.kind().logsource());
                ReadResult result = Readers.forKind(c.kind()).read(c.file(), event -> {
                    matcher.match(event, m -> scan.findings.add(sigmaFinding(m.rule(), event, m.fields())));
                    scan.findings.addAll(iocs.match(event));
                });
                scan.coverage.add(result.error() == null
                        ? FileCoverage.read(c.file().path(), c.kind().id(), result.events(), result.first(), result.last())
                        : FileCoverage.failed(c.file().path(), c.kind().id(), result.error()));
            }
        }
        return scan;
    }

    private static Finding sigmaFinding(SigmaRule rule, LogEvent event, java.util.Map<String, Object> fields) {
        RuleRef ref = new RuleRef(rule.id(), rule.title(), Level.parse(rule.level()), rule.tags());
        Actor actor = new Actor(text(event, "c-ip"), text(event, "cs-username"), text(event, "cs-user-agent"));
        java.util.Map<String, Object> matched = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> matched.put(k, v));
        return new Finding(ref, "sigma", event.timestamp(), event.source(), matched, actor);
    }

    private static String text(LogEvent event, String field) {
        Object v = event.get(field);
        return v == null ? null : v.toString();
    }
}
