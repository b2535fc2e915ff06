package org.exhunt.hunt.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.hunt.exposure.BuildClues;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;

/**
 * Joins the outcomes of the parts of one file that were read apart (the chunk ranges of a large
 * EVTX file) into the one outcome of the file: one coverage line, as reading it whole writes it.
 */
final class FileParts {

    private FileParts() {
    }

    /** @param parts the parts' outcomes in file order; at least one */
    static FileHunter.Outcome join(List<FileHunter.Outcome> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("no parts to join");
        if (parts.size() == 1) return parts.get(0);
        List<Finding> findings = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        List<FileCoverage> coverages = new ArrayList<>();
        BuildClues builds = new BuildClues();
        String host = null;
        long bytes = 0;
        for (FileHunter.Outcome p : parts) {
            findings.addAll(p.findings());
            errors.addAll(p.errors());
            if (p.coverage() != null) coverages.add(p.coverage());
            if (p.build() != null) builds.offer(p.build());
            // A file gives the host its events name first, as a whole read would.
            if (host == null) host = p.host();
            bytes += p.bytes();
        }
        return new FileHunter.Outcome(coverage(coverages), findings, bytes, builds.best(), host, errors);
    }

    private static FileCoverage coverage(List<FileCoverage> parts) {
        if (parts.isEmpty()) return null;
        FileCoverage head = parts.get(0);
        long events = 0;
        Instant first = null;
        Instant last = null;
        List<String> warnings = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> statuses = new LinkedHashSet<>();
        for (FileCoverage c : parts) {
            if (!c.path().equals(head.path())) {
                throw new IllegalArgumentException("parts of one file name two files: " + head.path() + " and " + c.path());
            }
            events += c.events();
            if (c.first() != null && (first == null || c.first().isBefore(first))) first = c.first();
            if (c.last() != null && (last == null || c.last().isAfter(last))) last = c.last();
            warnings.addAll(c.warnings());
            if (c.reason() != null) reasons.add(c.reason());
            statuses.add(c.status());
        }
        String status;
        if (statuses.size() == 1) {
            status = head.status();
        } else if (!reasons.isEmpty()) {
            // Some parts stopped early: the file was read in part, or not at all.
            status = events > 0 ? FileCoverage.PARTIAL : FileCoverage.FAILED;
        } else {
            status = FileCoverage.PARTIAL;
        }
        String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
        return new FileCoverage(head.path(), head.kind(), events, first, last, status, reason, warnings);
    }
}
