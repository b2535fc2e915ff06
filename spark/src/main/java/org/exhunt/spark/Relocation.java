package org.exhunt.spark;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.HeldMatch;

/** Renames paths of a local copy back to the lake paths they were copied from. */
final class Relocation {

    private final String from;
    private final String to;

    private Relocation(String from, String to) {
        this.from = from;
        this.to = to;
    }

    static Relocation of(String localCopy, String lakeRoot) {
        return new Relocation(localCopy, lakeRoot.endsWith("/") ? lakeRoot.substring(0, lakeRoot.length() - 1) : lakeRoot);
    }

    String path(String p) {
        return p != null && p.startsWith(from) ? to + p.substring(from.length()) : p;
    }

    List<FileHunter.Outcome> apply(List<FileHunter.Outcome> outcomes) {
        List<FileHunter.Outcome> out = new ArrayList<>(outcomes.size());
        for (FileHunter.Outcome o : outcomes) {
            List<Finding> findings = new ArrayList<>(o.findings().size());
            for (Finding f : o.findings()) findings.add(finding(f));
            List<ScanError> errors = new ArrayList<>();
            for (ScanError e : o.errors()) errors.add(new ScanError(path(e.source()), e.message()));
            out.add(new FileHunter.Outcome(coverage(o.coverage()), findings, o.bytes(), o.build(), o.host(), errors));
        }
        return out;
    }

    /** Held matches name their events' files by the lake path too. */
    List<HeldMatch> applyHeld(List<HeldMatch> held) {
        List<HeldMatch> out = new ArrayList<>(held.size());
        for (HeldMatch m : held) {
            RetainedEvent e = m.event();
            SourceRef s = e.source();
            out.add(new HeldMatch(m.rule(), m.ruleId(), new RetainedEvent(e.kind(),
                    new SourceRef(path(s.path()), s.line(), s.record(), s.offset()), e.timestamp(), e.fields(), List.of())));
        }
        return out;
    }

    private Finding finding(Finding f) {
        SourceRef s = f.source();
        if (s == null) return f;
        return new Finding(f.rule(), f.engine(), f.time(), new SourceRef(path(s.path()), s.line(), s.record(), s.offset()),
                f.matched(), f.actor());
    }

    private FileCoverage coverage(FileCoverage c) {
        if (c == null) return null;
        return new FileCoverage(path(c.path()), c.kind(), c.events(), c.first(), c.last(), c.status(), c.reason(),
                c.warnings());
    }
}
