package org.exhunt.hunt.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.FindingOrder;

/**
 * Decides the verdict of a scan from its findings and what evidence was actually read.
 *
 * <p>The rules, in order, the first that applies wins:
 * <ol>
 * <li>{@code compromised}: a finding whose rule is tagged {@code exhunt.outcome.success} or
 *     {@code exhunt.outcome.post-exploitation}, or a critical YARA or IOC finding on a file itself
 *     (not on a log line), which means a web shell is present on disk;</li>
 * <li>{@code attempted}: a finding tagged {@code exhunt.outcome.attempt} or {@code exhunt.outcome.recon},
 *     or a finding at {@code high} or above from a rule with no outcome tag (community rules);</li>
 * <li>{@code inconclusive}: no web log (IIS W3C or Exchange HttpProxy) was read, or every input failed;</li>
 * <li>{@code clean}: otherwise.</li>
 * </ol>
 *
 * <p>Given the server's {@link Exposure}, the verdict also checks log retention (see
 * {@link Retention}): when no web log begins on or before the day exploitation of the
 * first-exploited CVE still open on the build began, a {@code clean} verdict becomes
 * {@code inconclusive}, and {@code attempted} or {@code compromised} keep their value with the same
 * reason added. An unknown build is said in a reason and changes nothing; so are web logs that
 * end before that day.
 */
public final class Judge {

    private Judge() {
    }

    /**
     * The verdict with the log-retention check against the server's exposure, using the built-in
     * exploitation dates.
     */
    public static Judgement judge(List<Finding> findings, List<FileCoverage> coverage, Exposure exposure) {
        return judge(findings, coverage, exposure, ExploitationDates.builtIn());
    }

    public static Judgement judge(List<Finding> findings, List<FileCoverage> coverage, Exposure exposure,
                                  ExploitationDates dates) {
        Judgement base = judge(findings, coverage);
        if (!CoverageFacts.of(coverage).webLogRead()) return base;
        Retention retention = Retention.of(coverage, exposure == null ? Exposure.UNKNOWN : exposure, dates);
        List<String> reasons = new ArrayList<>(base.reasons());
        if (retention.reachesBack() == null) {
            if (exposure == null || exposure.build() == null) {
                reasons.add(RetentionReasons.unknownBuild(retention, dates));
            }
            return new Judgement(base.verdict(), reasons);
        }
        if (!retention.reachesBack()) {
            // The logs' gap leads when it decides the verdict, and follows the findings otherwise.
            if (base.verdict() == Verdict.CLEAN) {
                reasons.add(0, RetentionReasons.tooShort(retention));
                return new Judgement(Verdict.INCONCLUSIVE, reasons);
            }
            reasons.add(RetentionReasons.tooShort(retention));
            return new Judgement(base.verdict(), reasons);
        }
        String early = RetentionReasons.endsEarly(retention);
        if (early != null) reasons.add(early);
        return new Judgement(base.verdict(), reasons);
    }

    /** The verdict from findings and coverage alone, without the log-retention check. */
    public static Judgement judge(List<Finding> findings, List<FileCoverage> coverage) {
        // Reasons name findings in report order, so the same findings in any order give the same words.
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(FindingOrder.ORDER);
        List<Finding> compromise = new ArrayList<>();
        List<Finding> attempts = new ArrayList<>();
        for (Finding finding : ordered) {
            if (showsCompromise(finding)) {
                compromise.add(finding);
            } else if (showsAttempt(finding)) {
                attempts.add(finding);
            }
        }
        CoverageFacts facts = CoverageFacts.of(coverage);
        if (!compromise.isEmpty()) {
            return new Judgement(Verdict.COMPROMISED, withGaps(ReasonWriter.describe(compromise), facts));
        }
        if (!attempts.isEmpty()) {
            return new Judgement(Verdict.ATTEMPTED, withGaps(ReasonWriter.describe(attempts), facts));
        }
        if (facts.allFailed()) {
            return new Judgement(Verdict.INCONCLUSIVE, List.of(facts.allFailedReason()));
        }
        if (!facts.webLogRead()) {
            return new Judgement(Verdict.INCONCLUSIVE, List.of(facts.noWebLogReason()));
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(facts.cleanReason());
        long minor = findings.size();
        if (minor > 0) {
            reasons.add(ReasonWriter.count(minor, "finding") + " below high without an outcome tag"
                    + " did not change the verdict (see findings).");
        }
        return new Judgement(Verdict.CLEAN, withGaps(reasons, facts));
    }

    static boolean showsCompromise(Finding finding) {
        Outcome outcome = Outcome.of(finding.rule());
        if (outcome != null) {
            return outcome.meansCompromise();
        }
        return isWebShellOnDisk(finding);
    }

    static boolean showsAttempt(Finding finding) {
        Outcome outcome = Outcome.of(finding.rule());
        if (outcome != null) {
            return outcome == Outcome.ATTEMPT || outcome == Outcome.RECON;
        }
        return finding.level().atLeast(Level.HIGH);
    }

    /**
     * A critical content or hash match on a file, rather than on a line of a log: the file is there,
     * so whoever wrote it got in. A critical IOC hit on a log line (a known bad address, say) only
     * shows contact, which is an attempt.
     */
    private static boolean isWebShellOnDisk(Finding finding) {
        String engine = finding.engine() == null ? "" : finding.engine().toLowerCase(Locale.ROOT);
        boolean contentEngine = engine.equals("yara") || engine.equals("ioc");
        boolean onFile = finding.source() == null
                || (finding.source().line() < 0 && finding.source().record() < 0);
        return contentEngine && onFile && finding.level() == Level.CRITICAL;
    }

    /** Gaps in the evidence qualify any verdict: a responder must know what was not read. */
    private static List<String> withGaps(List<String> reasons, CoverageFacts facts) {
        String gap = facts.gapReason();
        if (gap == null) {
            return reasons;
        }
        List<String> all = new ArrayList<>(reasons);
        all.add(gap);
        return all;
    }
}
