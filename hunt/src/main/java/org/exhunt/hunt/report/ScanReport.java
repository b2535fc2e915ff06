package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.exhunt.hunt.attack.Resemblance;
import org.exhunt.hunt.chain.ChainBuilder;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.verdict.Judge;
import org.exhunt.hunt.verdict.Judgement;
import org.exhunt.hunt.verdict.Retention;

/**
 * Everything a scan found and how far its answer can be trusted: the one object every output
 * format (JSON, JSONL, HTML, console) is written from. Findings are held in their report order
 * (time, path, line, rule id) whatever order they were added in.
 *
 * <pre>{@code
 * ScanReport report = ScanReport.builder()
 *         .tool("exhunt", "0.1.0")
 *         .scan(info)
 *         .coverage(files)
 *         .findings(findings)
 *         .errors(errors)
 *         .build();          // judges the verdict and builds the chains unless given
 * }</pre>
 *
 * <p>When an exposure is given, the verdict includes the log-retention check against it (see
 * {@link Judge}); without one, no exposure was assessed and the verdict rests on findings and
 * coverage alone.
 */
public final class ScanReport {

    /** The version of the report's JSON shape; see docs/report-schema.md for the rule to raise it. */
    public static final String SCHEMA_VERSION = "1.1";

    private final String toolName;
    private final String toolVersion;
    private final ScanInfo scan;
    private final Judgement judgement;
    private final Exposure exposure;
    private final Retention retention;
    private final List<FileCoverage> coverage;
    private final List<Finding> findings;
    private final List<ActorChain> chains;
    private final List<ScanError> errors;

    private ScanReport(Builder b) {
        this.toolName = Objects.requireNonNull(b.toolName, "tool name");
        this.toolVersion = Objects.requireNonNull(b.toolVersion, "tool version");
        this.scan = Objects.requireNonNull(b.scan, "scan info");
        this.coverage = List.copyOf(b.coverage);
        // The report is built on as many threads as the scan read files with (one per core at most):
        // a scan of a hundred thousand findings otherwise ends with seconds of one busy core.
        int threads = FindingParts.threadsFor(scan.threads());
        this.findings = List.copyOf(FindingSort.sorted(b.findings, threads));
        this.exposure = b.exposure != null ? b.exposure : Exposure.UNKNOWN;
        this.retention = Retention.of(this.coverage, this.exposure);
        Judgement[] judged = {b.judgement};
        @SuppressWarnings("unchecked")
        List<ActorChain>[] built = new List[] {b.chains == null ? null : List.copyOf(b.chains)};
        List<Runnable> work = new ArrayList<>();
        if (built[0] == null) {
            work.add(() -> built[0] = ChainBuilder.standard().resemblances(b.resemblances).threads(threads)
                    .build(this.findings));
        }
        if (judged[0] == null) {
            work.add(() -> judged[0] = b.exposure != null
                    ? Judge.judge(this.findings, this.coverage, this.exposure)
                    : Judge.judge(this.findings, this.coverage));
        }
        // The verdict and the chains read the same findings and nothing of each other.
        if (threads > 1) {
            Together.run(work);
        } else {
            work.forEach(Runnable::run);
        }
        this.judgement = judged[0];
        this.chains = built[0];
        this.errors = List.copyOf(b.errors);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String toolName() {
        return toolName;
    }

    public String toolVersion() {
        return toolVersion;
    }

    public ScanInfo scan() {
        return scan;
    }

    public Judgement judgement() {
        return judgement;
    }

    public Exposure exposure() {
        return exposure;
    }

    /** How far back each kind of log reaches, against when exploitation of the open CVEs began. */
    public Retention retention() {
        return retention;
    }

    /** Every input file, in the order the scan accounted for them. */
    public List<FileCoverage> coverage() {
        return coverage;
    }

    /** All findings in report order: time, path, line or record, rule id. */
    public List<Finding> findings() {
        return findings;
    }

    public List<ActorChain> chains() {
        return chains;
    }

    public List<ScanError> errors() {
        return errors;
    }

    /** The level named by {@code scan.failLevel}, {@code null} when none was set. */
    public Level failLevel() {
        return scan.failLevel() == null ? null : Level.parse(scan.failLevel());
    }

    /** How many findings are at or above the given level. */
    public long countAtLeast(Level level) {
        return findings.stream().filter(f -> f.level().atLeast(level)).count();
    }

    /** Builds a report; tool, scan info are required, the rest default to empty. */
    public static final class Builder {
        private String toolName;
        private String toolVersion;
        private ScanInfo scan;
        private Judgement judgement;
        private Exposure exposure;
        private List<ActorChain> chains;
        private Function<Collection<String>, List<Resemblance>> resemblances;
        private final List<FileCoverage> coverage = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<ScanError> errors = new ArrayList<>();

        private Builder() {
        }

        public Builder tool(String name, String version) {
            this.toolName = name;
            this.toolVersion = version;
            return this;
        }

        public Builder scan(ScanInfo scan) {
            this.scan = scan;
            return this;
        }

        /** Sets the verdict; without it, {@link #build()} asks {@link Judge} for one. */
        public Builder judgement(Judgement judgement) {
            this.judgement = judgement;
            return this;
        }

        public Builder exposure(Exposure exposure) {
            this.exposure = exposure;
            return this;
        }

        /** Sets the chains; without them, {@link #build()} correlates the findings with {@link ChainBuilder}. */
        public Builder chains(List<ActorChain> chains) {
            this.chains = chains;
            return this;
        }

        /**
         * The catalog that tells which known groups a chain's ATT&amp;CK technique ids resemble,
         * used when {@link #build()} builds the chains; none by default.
         */
        public Builder resemblances(Function<Collection<String>, List<Resemblance>> catalog) {
            this.resemblances = catalog;
            return this;
        }

        public Builder coverage(List<FileCoverage> files) {
            this.coverage.addAll(files);
            return this;
        }

        public Builder addCoverage(FileCoverage file) {
            this.coverage.add(file);
            return this;
        }

        public Builder findings(List<Finding> findings) {
            this.findings.addAll(findings);
            return this;
        }

        public Builder addFinding(Finding finding) {
            this.findings.add(finding);
            return this;
        }

        public Builder errors(List<ScanError> errors) {
            this.errors.addAll(errors);
            return this;
        }

        public Builder addError(ScanError error) {
            this.errors.add(error);
            return this;
        }

        public ScanReport build() {
            return new ScanReport(this);
        }
    }
}
