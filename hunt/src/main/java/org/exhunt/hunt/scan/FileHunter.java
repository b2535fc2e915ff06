package org.exhunt.hunt.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.evidence.Classified;
import org.exhunt.hunt.evidence.Discovery;
import org.exhunt.hunt.evidence.DiscoveryProblem;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.evidence.EvidenceLimits;
import org.exhunt.hunt.exposure.BuildClue;
import org.exhunt.hunt.exposure.BuildClues;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.FindingOrder;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.hunt.read.windows.EvtxChunkRangeReader;
import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.Correlator;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.SigmaRule;

/**
 * The scan's per-file work for callers that distribute files themselves (a cluster job): the rules
 * are compiled once, then any number of threads hunt files through the same {@link FileScan} the
 * {@link Scanner} uses, and {@link #result} turns the outcomes of one server into the
 * {@link ScanResult} that {@link ReportAssembler} judges.
 *
 * <p>Sigma correlation rules see the events of one {@link #hunt(List)} call only. A caller that
 * spreads one server's files over several calls holds the matches the correlations want back
 * instead ({@link #hunt(List, Consumer)}, {@link #huntEvtxChunks}), gathers them, and correlates
 * them all at once with {@link #correlate}.
 */
public final class FileHunter {

    private final ScanOptions options;
    private final Detections detections;
    private final List<ScanError> ruleErrors = new ArrayList<>();
    private final List<SigmaRule> rules;
    /** Position of each loaded rule, by identity, and of the first rule of each id (for copies). */
    private final Map<SigmaRule, Integer> ruleIndex = new IdentityHashMap<>();
    private final Map<String, Integer> ruleIndexById = new HashMap<>();

    private FileHunter(ScanOptions options) {
        this.options = options;
        this.detections = Detections.load(options);
        for (String p : detections.problems) ruleErrors.add(new ScanError("rules", p));
        detections.sigma.correlator().problems().forEach(p -> ruleErrors.add(new ScanError("rules", p.toString())));
        this.rules = detections.sigma.ruleSet().rules();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.putIfAbsent(rules.get(i), i);
            if (rules.get(i).id() != null) ruleIndexById.putIfAbsent(rules.get(i).id(), i);
        }
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
        List<Outcome> out = hunt(files, correlator, null);
        List<Finding> correlated = new ArrayList<>();
        for (CorrelationMatch m : correlator.finish()) correlated.add(SigmaFindings.of(m));
        if (!correlated.isEmpty()) out.add(new Outcome(null, correlated, 0, null, null, List.of()));
        return out;
    }

    /**
     * As {@link #hunt(List)}, but the matches that Sigma correlations want go to {@code held}
     * instead of being correlated here, so that {@link #correlate} can see a whole server's.
     * Matches that are reported on their own are findings as usual.
     */
    public List<Outcome> hunt(List<Path> files, Consumer<HeldMatch> held) {
        Objects.requireNonNull(held, "held");
        return hunt(files, detections.sigma.correlator(), holder(held));
    }

    /**
     * Hunts the chunks {@code firstChunk .. firstChunk + chunkCount - 1} of one EVTX file, holding
     * back the matches correlations want as {@link #hunt(List, Consumer)} does. The outcomes of all
     * ranges of a file, joined in chunk order by {@link #joinParts}, are the outcome of the whole
     * file. {@code file} may be any source; its stream should seek on {@code skip}.
     */
    public Outcome huntEvtxChunks(EvidenceFile file, int firstChunk, int chunkCount, Consumer<HeldMatch> held) {
        Objects.requireNonNull(held, "held");
        EvtxChunkRangeReader reader = new EvtxChunkRangeReader(firstChunk, chunkCount);
        HostNames hosts = new HostNames();
        FileScan scan = new FileScan(detections, detections.sigma.correlator(), options, new BuildClues(), hosts,
                holder(held));
        FileOutcome o = scan.run(new Classified(file, SourceKind.WINDOWS_EVTX, null), reader);
        long bytes = Math.max(0, Math.min((long) chunkCount * EvtxChunkRangeReader.CHUNK_BYTES,
                file.size() - EvtxChunkRangeReader.HEADER_BYTES - (long) firstChunk * EvtxChunkRangeReader.CHUNK_BYTES));
        if (firstChunk == 0) bytes += Math.min(EvtxChunkRangeReader.HEADER_BYTES, Math.max(0, file.size()));
        return new Outcome(o.coverage(), o.findings(), bytes, null, hosts.best(), List.of());
    }

    /** The outcomes of the parts of one file read apart (its chunk ranges), in file order, as one. */
    public static Outcome joinParts(List<Outcome> parts) {
        return FileParts.join(parts);
    }

    /**
     * Correlates held matches of one server (from any number of {@link #hunt(List, Consumer)} calls
     * of hunters compiled from the same rules) as one scan of all its files would: the correlation
     * findings, as one outcome, or none.
     *
     * @throws IllegalArgumentException if a match names a rule this hunter does not have
     */
    public List<Outcome> correlate(Collection<HeldMatch> held) {
        List<HeldMatch> ordered = new ArrayList<>(held);
        // The order a single-threaded scan meets them in: by file, then place in the file.
        ordered.sort(Comparator.comparing((HeldMatch m) -> m.event().source().path(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(m -> m.event().source().line())
                .thenComparingLong(m -> m.event().source().record())
                .thenComparingLong(m -> m.event().source().offset()));
        Correlator correlator = detections.sigma.correlator();
        for (HeldMatch m : ordered) correlator.accept(new RuleMatch(rule(m), m.event(), Map.of()));
        List<Finding> correlated = new ArrayList<>();
        for (CorrelationMatch m : correlator.finish()) correlated.add(SigmaFindings.of(m));
        return correlated.isEmpty() ? List.of() : List.of(new Outcome(null, correlated, 0, null, null, List.of()));
    }

    private SigmaRule rule(HeldMatch m) {
        SigmaRule rule = m.rule() >= 0 && m.rule() < rules.size() ? rules.get(m.rule()) : null;
        if (rule == null || !Objects.equals(rule.id(), m.ruleId())) {
            SourceRef at = m.event().source();
            throw new IllegalArgumentException("held match of " + at + " names rule #" + m.rule() + " (id "
                    + m.ruleId() + "), but this hunter's rule there is " + (rule == null ? "missing" : rule.id())
                    + ": matches were held by a hunter compiled from other rules");
        }
        return rule;
    }

    /**
     * Turns the wanted matches of a scan into held ones. A probe correlator takes each match first:
     * it reads the fields its correlations need, and the recording view keeps exactly those.
     */
    private Consumer<RuleMatch> holder(Consumer<HeldMatch> held) {
        Correlator probe = detections.sigma.correlator();
        return match -> {
            RecordingEvent recording = new RecordingEvent((org.exhunt.hunt.event.LogEvent) match.event());
            probe.accept(new RuleMatch(match.rule(), recording, match.fields()));
            Integer index = ruleIndex.get(match.rule());
            if (index == null && match.rule().id() != null) index = ruleIndexById.get(match.rule().id());
            if (index == null) {
                throw new IllegalStateException("a correlation wants rule '" + match.rule().title() + "' ("
                        + match.rule().source() + ":" + match.rule().line() + "), which is not among the loaded rules");
            }
            held.accept(new HeldMatch(index, match.rule().id(), recording.snapshot()));
        };
    }

    private List<Outcome> hunt(List<Path> files, Correlator correlator, Consumer<RuleMatch> heldBack) {
        List<Outcome> out = new ArrayList<>();
        try (Discovery discovery = Discovery.of(files, EvidenceLimits.defaults())) {
            List<ScanError> listing = new ArrayList<>();
            for (DiscoveryProblem p : discovery.problems()) listing.add(new ScanError(p.path(), p.reason()));
            for (Classified c : discovery.files()) {
                BuildClues builds = new BuildClues();
                HostNames hosts = new HostNames();
                FileOutcome o = new FileScan(detections, correlator, options, builds, hosts, heldBack).run(c);
                out.add(new Outcome(o.coverage(), o.findings(), o.bytes(), builds.best(), hosts.best(), List.of()));
            }
            for (FileCoverage unlisted : Scanner.unlisted(discovery.problems(), discovery.files())) {
                out.add(new Outcome(unlisted, List.of(), 0, null, null, List.of()));
            }
            if (!listing.isEmpty()) out.add(new Outcome(null, List.of(), 0, null, null, listing));
        }
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
