package org.exhunt.hunt.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.sweep.FileSweep;
import org.exhunt.hunt.sweep.WebFiles;
import java.util.List;
import java.util.function.Consumer;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.evidence.Classified;
import org.exhunt.hunt.exposure.BuildClues;
import org.exhunt.hunt.exposure.BuildInfoFile;
import org.exhunt.hunt.exposure.OwaPathWatcher;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.read.EventReader;
import org.exhunt.hunt.read.ReadResult;
import org.exhunt.hunt.read.Readers;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.sigma.Correlator;
import org.exhunt.sigma.Matcher;
import org.exhunt.sigma.RuleMatch;

/** Reads one evidence file and runs every applicable rule over its events. */
final class FileScan {

    private final Detections detections;
    private final Correlator correlator;
    private final ScanOptions options;
    private final BuildClues builds;
    private final HostNames hosts;
    /** Where matches a correlation wants go instead of the correlator, or null to correlate here. */
    private final Consumer<RuleMatch> heldBack;

    FileScan(Detections detections, Correlator correlator, ScanOptions options) {
        this(detections, correlator, options, new BuildClues(), new HostNames());
    }

    FileScan(Detections detections, Correlator correlator, ScanOptions options, BuildClues builds, HostNames hosts) {
        this(detections, correlator, options, builds, hosts, null);
    }

    FileScan(Detections detections, Correlator correlator, ScanOptions options, BuildClues builds, HostNames hosts,
             Consumer<RuleMatch> heldBack) {
        this.detections = detections;
        this.correlator = correlator;
        this.options = options;
        this.builds = builds;
        this.hosts = hosts;
        this.heldBack = heldBack;
    }

    FileOutcome run(Classified file) {
        return run(file, null);
    }

    /** As {@link #run(Classified)}, reading a log with {@code reader} (null: the kind's own reader). */
    FileOutcome run(Classified file, EventReader reader) {
        long size = Math.max(0, file.file().size());
        if (file.kind().logsource() == null) {
            byte[] head = new byte[4096];
            int n = size == 0 ? 0 : head(file, head);
            String why = n == 0 ? null : WebFiles.reason(file.file().path(), head, n);
            // A web file is always swept, and never trusted for the build: text planted in a web
            // folder must neither escape the sweep nor make the server look patched.
            if (why == null && n > 0 && size <= BuildInfoFile.MAX_BYTES && BuildInfoFile.mayBe(head, n)) {
                FileOutcome info = buildInfo(file, size);
                if (info != null) return info;
            }
            if (why != null) {
                return sweep(file, why, size);
            }
            return new FileOutcome(new FileCoverage(file.file().path(), file.kind().id(), 0, null, null,
                    "skipped", file.reason(), List.of()), List.of(), size);
        }
        List<Finding> findings = new ArrayList<>();
        // Text logs have one logsource per file; a Windows export mixes channels, so its events
        // choose their rules one by one (null here).
        Matcher perFile = file.kind().logsourcePerEvent() ? null : detections.matcher(file.kind());
        long[] outOfRange = {0};
        // Web requests for OWA/ECP version folders tell the CU line even without other build
        // evidence. They are watched whatever --since/--until say: exposure is about the server
        // as it is now, not about the time window of the hunt.
        OwaPathWatcher owa = file.kind() == SourceKind.IIS_W3C || file.kind() == SourceKind.EXCHANGE_HTTPPROXY
                ? new OwaPathWatcher() : null;
        HostNames.Watcher host = hosts.watcher();
        // One rule-match sink per file, not a capturing lambda per event: the quick compiler the
        // launcher runs allocates each of those through a native call.
        LogEvent[] current = new LogEvent[1];
        Consumer<RuleMatch> onRuleMatch = m -> onMatch(m, current[0], findings);
        Consumer<LogEvent> onEvent = event -> {
            if (owa != null) owa.look(event);
            host.look(event);
            if (!options.inTimeRange(event.timestamp())) {
                outOfRange[0]++;
                return;
            }
            Matcher matcher = perFile != null ? perFile : detections.matcher(event.logsource());
            current[0] = event;
            matcher.match(event, onRuleMatch);
            findings.addAll(detections.iocs.match(event));
        };
        ReadResult result;
        try {
            result = (reader != null ? reader : Readers.forKind(file.kind())).read(file.file(), onEvent);
        } catch (RuntimeException e) {
            // A reader must not throw; if one does, the file is failed, not the scan.
            result = new ReadResult(0, null, null, List.of(), "internal error while reading: " + e);
        }
        if (owa != null) builds.offer(owa.clue());
        List<String> warnings = new ArrayList<>(result.warnings());
        if (detections.sweep.checksLogs() && file.kind() != SourceKind.WINDOWS_EVTX) {
            FileSweep.Outcome yara = detections.sweep.sweep(file.file(), FileSweep.MAX_LOG_BYTES);
            findings.addAll(yara.findings());
            warnings.addAll(yara.warnings());
            if (yara.error() != null) warnings.add(yara.error());
        }
        if (outOfRange[0] > 0) {
            warnings.add(outOfRange[0] + " events outside --since/--until ignored");
        }
        FileCoverage coverage = new FileCoverage(file.file().path(), file.kind().id(), result.events(),
                result.first(), result.last(), result.status(), result.error(), warnings);
        return new FileOutcome(coverage, findings, size);
    }

    /** The first bytes of a file that is not a log, or 0 if it cannot be read. */
    private static int head(Classified file, byte[] head) {
        try (InputStream in = file.file().open()) {
            return in.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A registry export or ExSetup version text: its build goes to the exposure, the file to coverage. */
    private FileOutcome buildInfo(Classified file, long size) {
        byte[] bytes;
        try (InputStream in = file.file().open()) {
            bytes = in.readNBytes(BuildInfoFile.MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        BuildInfoFile.Outcome o = BuildInfoFile.read(bytes, bytes.length, file.file().path());
        if (o == null) return null;
        builds.offer(o.clue());
        FileCoverage coverage = o.clue() != null
                ? new FileCoverage(file.file().path(), BuildInfoFile.KIND, 0, null, null, "read", null, List.of())
                : new FileCoverage(file.file().path(), BuildInfoFile.KIND, 0, null, null, "failed", o.problem(), List.of());
        return new FileOutcome(coverage, List.of(), size);
    }

    private FileOutcome sweep(Classified file, String why, long size) {
        FileSweep.Outcome o = detections.sweep.sweep(file.file(), FileSweep.MAX_FILE_BYTES);
        String status = o.error() == null ? (o.warnings().isEmpty() ? "read" : "partial")
                : o.error().startsWith("cannot") ? "failed" : "skipped";
        // The kind says the file was checked as a web file; why (its extension, its folder or its
        // content) matters only when it was not read whole.
        String reason = o.error() == null ? null : o.error() + " (a web file: " + why + ")";
        FileCoverage coverage = new FileCoverage(file.file().path(), WEB_FILE, 0, null, null, status, reason, o.warnings());
        return new FileOutcome(coverage, o.findings(), size);
    }

    /** The coverage kind of files checked by the web-file sweep. */
    static final String WEB_FILE = "web-file";

    private void onMatch(RuleMatch match, LogEvent event, List<Finding> findings) {
        boolean wanted = correlator.wants(match.rule());
        if (wanted) {
            RuleMatch keptMatch = new RuleMatch(match.rule(), event.retain(), match.fields());
            if (heldBack != null) heldBack.accept(keptMatch);
            else correlator.accept(keptMatch);
        }
        if (!wanted || correlator.reportsOnItsOwn(match.rule())) {
            // A finding copies what it shows out of the event (text, time, source) while the
            // event is live, so only a correlation, which holds matches, needs the event kept.
            findings.add(SigmaFindings.of(match, event));
        }
    }
}
