package org.exhunt.hunt.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.hunt.evidence.Classified;
import org.exhunt.hunt.evidence.Discovery;
import org.exhunt.hunt.evidence.DiscoveryProblem;
import org.exhunt.hunt.evidence.EvidenceLimits;
import org.exhunt.hunt.exposure.BuildClues;
import org.exhunt.hunt.exposure.BuildTable;
import org.exhunt.hunt.exposure.ExposureOf;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.FindingOrder;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.Correlator;

/**
 * Runs a whole scan: load and compile the rules, list and classify the evidence, read the files in
 * parallel through the matchers, correlate, and gather findings and coverage in a deterministic order.
 */
public final class Scanner {

    private final Clock clock;

    public Scanner() {
        this(Clock.systemUTC());
    }

    Scanner(Clock clock) {
        this.clock = clock;
    }

    public ScanResult scan(ScanOptions options, ScanListener listener) {
        Instant started = clock.instant();
        Detections detections = Detections.load(options);
        Correlator correlator = detections.sigma.correlator();
        List<ScanError> errors = new ArrayList<>();
        for (String p : detections.problems) errors.add(new ScanError("rules", p));
        correlator.problems().forEach(p -> errors.add(new ScanError("rules", p.toString())));

        List<FileCoverage> coverage = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        BuildClues builds = new BuildClues();
        HostNames hosts = new HostNames();
        try (Discovery discovery = Discovery.of(options.inputs(), EvidenceLimits.defaults())) {
            for (DiscoveryProblem p : discovery.problems()) errors.add(new ScanError(p.path(), p.reason()));
            List<Classified> files = discovery.files();
            listener.planned(files.size(), files.stream().mapToLong(c -> Math.max(0, c.file().size())).sum());
            FileScan fileScan = new FileScan(detections, correlator, options, builds, hosts);
            for (FileOutcome o : readAll(files, fileScan, options.threads(), listener)) {
                coverage.add(o.coverage());
                findings.addAll(o.findings());
            }
            coverage.addAll(unlisted(discovery.problems(), files));
        }
        for (CorrelationMatch m : correlator.finish()) findings.add(SigmaFindings.of(m));
        // Sorted on the scan's threads: a large scan's findings take a busy core a while.
        List<Finding> ordered = new ArrayList<>(FindingOrder.sorted(findings, options.threads()));
        long events = coverage.stream().mapToLong(FileCoverage::events).sum();
        return new ScanResult(options, started, clock.instant(), events, detections.counts(),
                coverage, ordered, errors, exposure(builds, errors), hosts.best());
    }

    /** The exposure of the best build clue; a broken build table is an error of the scan, not its end. */
    static org.exhunt.hunt.report.Exposure exposure(BuildClues builds, List<ScanError> errors) {
        if (builds.best() == null) return org.exhunt.hunt.report.Exposure.UNKNOWN;
        try {
            return ExposureOf.of(builds.best(), BuildTable.builtIn());
        } catch (RuntimeException e) {
            errors.add(new ScanError("rules", "Exchange build table: " + e.getMessage()));
            return org.exhunt.hunt.report.Exposure.UNKNOWN;
        }
    }

    /**
     * Inputs that discovery could not even list (a corrupt or refused archive, an unreadable
     * folder) still belong in coverage: every input file is accounted for.
     */
    static List<FileCoverage> unlisted(List<DiscoveryProblem> problems, List<Classified> files) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Classified c : files) listed.add(c.file().path());
        java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (DiscoveryProblem p : problems) {
            if (!listed.contains(p.path())) reasons.merge(p.path(), p.reason(), (a, b) -> a + "; " + b);
        }
        List<FileCoverage> out = new ArrayList<>();
        reasons.forEach((path, reason) -> out.add(FileCoverage.failed(path, kindOfUnlisted(path), reason)));
        return out;
    }

    private static String kindOfUnlisted(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".zip") || p.endsWith(".gz") ? "archive" : "unknown";
    }

    private static List<FileOutcome> readAll(List<Classified> files, FileScan fileScan, int threads,
                                             ScanListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())),
                r -> {
                    Thread t = new Thread(r, "exhunt-reader");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (Classified c : files) {
                futures.add(pool.submit(() -> {
                    FileOutcome o = fileScan.run(c);
                    listener.fileDone(c.file().path(), o.bytes(), o.coverage().events());
                    return o;
                }));
            }
            List<FileOutcome> out = new ArrayList<>(files.size());
            for (Future<FileOutcome> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
