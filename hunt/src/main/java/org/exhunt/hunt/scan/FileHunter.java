package org.exhunt.hunt.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.evidence.Classified;
import org.exhunt.hunt.evidence.Discovery;
import org.exhunt.hunt.evidence.DiscoveryProblem;
import org.exhunt.hunt.evidence.EvidenceLimits;
import org.exhunt.hunt.exposure.BuildClue;
import org.exhunt.hunt.exposure.BuildClues;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.FindingOrder;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.Correlator;

/**
 * The scan's per-file work for callers that distribute files themselves (a cluster job): the rules
 * are compiled once, then any number of threads hunt files through the same {@link FileScan} the
 * {@link Scanner} uses, and {@link #result} turns the outcomes of one server into the
 * {@link ScanResult} that {@link ReportAssembler} judges.
 *
 * <p>Sigma correlation rules see the events of one {@link #hunt} call only: a caller that wants a
 * correlation across files must hand them over in one call.
 */
public final class FileHunter {

    private final ScanOptions options;
    private final Detections detections;
    private final List<ScanError> ruleErrors = new ArrayList<>();

    private FileHunter(ScanOptions options) {
        this.options = options;
        this.detections = Detections.load(options);
        for (String p : detections.problems) ruleErrors.add(new ScanError("rules", p));
        detections.sigma.correlator().problems().forEach(p -> ruleErrors.add(new ScanError("rules", p.toString())));
    }

    /** Loads and compiles the rules {@code options} name; the inputs of the options are not used. */
    public static FileHunter compile(ScanOptions options) {
        return new FileHunter(options);
    }

    /**
     * What one evidence file gave.
     *
     * @param build the best build clue the file holds, or {@code null}
     * @param host  the server the file's events name, or {@code null}
     * @param errors problems of listing the file (a refused archive), never thrown
     */
    public record Outcome(FileCoverage coverage, List<Finding> findings, long bytes, BuildClue build,
                          String host, List<ScanError> errors) {
        public Outcome {
            findings = List.copyOf(findings);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Hunts the local files (plain, gzip or zip archives, which are opened as a scan opens them) and
     * correlates their events; one outcome per file found. Paths in the outcomes are as given.
     */
    public List<Outcome> hunt(List<Path> files) {
        Correlator correlator = detections.sigma.correlator();
        List<Outcome> out = new ArrayList<>();
        try (Discovery discovery = Discovery.of(files, EvidenceLimits.defaults())) {
            List<ScanError> listing = new ArrayList<>();
            for (DiscoveryProblem p : discovery.problems()) listing.add(new ScanError(p.path(), p.reason()));
            for (Classified c : discovery.files()) {
                BuildClues builds = new BuildClues();
                HostNames hosts = new HostNames();
                FileOutcome o = new FileScan(detections, correlator, options, builds, hosts).run(c);
                out.add(new Outcome(o.coverage(), o.findings(), o.bytes(), builds.best(), hosts.best(), List.of()));
            }
            for (FileCoverage unlisted : Scanner.unlisted(discovery.problems(), discovery.files())) {
                out.add(new Outcome(unlisted, List.of(), 0, null, null, List.of()));
            }
            if (!listing.isEmpty()) out.add(new Outcome(null, List.of(), 0, null, null, listing));
        }
        List<Finding> correlated = new ArrayList<>();
        for (CorrelationMatch m : correlator.finish()) correlated.add(SigmaFindings.of(m));
        if (!correlated.isEmpty()) out.add(new Outcome(null, correlated, 0, null, null, List.of()));
        return out;
    }

    /**
     * The result of one server's files, as {@link Scanner#scan} would give for them: findings in
     * report order, the build and host most of its files tell.
     */
    public ScanResult result(List<Outcome> outcomes, Instant started, Instant finished) {
        List<FileCoverage> coverage = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>(ruleErrors);
        BuildClues builds = new BuildClues();
        HostNames hosts = new HostNames();
        long events = 0;
        for (Outcome o : outcomes) {
            if (o.coverage() != null) {
                coverage.add(o.coverage());
                events += o.coverage().events();
            }
            findings.addAll(o.findings());
            errors.addAll(o.errors());
            if (o.build() != null) builds.offer(o.build());
            if (o.host() != null) hosts.offer(o.host());
        }
        coverage.sort(java.util.Comparator.comparing(FileCoverage::path));
        findings.sort(FindingOrder.ORDER);
        return new ScanResult(options, started, finished, events, detections.counts(), coverage, findings,
                errors, Scanner.exposure(builds, errors), hosts.best());
    }
}
