package org.exhunt.hunt.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.verdict.Verdict;

/**
 * The summary a terminal shows after a scan: verdict first, then findings per level, the attack
 * chains (addresses and what each actor did), the most severe findings, coverage, errors and what the exit code will be.
 * It fits one screen for a typical scan; longer lists end with "… N more (see --json)".
 */
public final class ConsoleReport {

    static final int MAX_ACTORS = 5;
    static final int MAX_TOP_FINDINGS = 10;
    static final int MAX_COVERAGE_PROBLEMS = 10;
    static final int MAX_ERRORS = 5;
    private static final int MAX_TITLE = 48;
    private static final int SUMMARY_WIDTH = 100;

    private final boolean color;
    private final StringBuilder out = new StringBuilder(4096);

    private ConsoleReport(boolean color) {
        this.color = color;
    }

    /**
     * Whether a terminal summary should be coloured by default: only when standard output is a
     * terminal and the user has not set {@code NO_COLOR} (https://no-color.org).
     */
    public static boolean colorByDefault() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && System.console() != null;
    }

    /** The summary as text, with ANSI colours when {@code color} is true. Lines end with {@code \n}. */
    public static String render(ScanReport report, boolean color) {
        return new ConsoleReport(color).build(report);
    }

    public static void print(ScanReport report, PrintStream stream, boolean color) {
        stream.print(render(report, color));
        stream.flush();
    }

    private String build(ScanReport report) {
        headline(report);
        verdict(report);
        exposure(report.exposure());
        levels(report.findings());
        actors(report.chains());
        topFindings(report.findings());
        coverage(report.coverage());
        errors(report.errors());
        exitHint(report);
        return out.toString().replaceAll("[ ]+\n", "\n");
    }

    private void headline(ScanReport report) {
        ScanInfo scan = report.scan();
        out.append(report.toolName()).append(' ').append(report.toolVersion());
        if (scan.id() != null) out.append(" · scan ").append(p(scan.id()));
        if (scan.host() != null) out.append(" · host ").append(p(scan.host()));
        out.append(" · ").append(plural(scan.events(), "event")).append(" in ")
                .append(plural(report.coverage().size(), "file"));
        if (scan.started() != null && scan.finished() != null) {
            out.append(" · ").append(duration(Duration.between(scan.started(), scan.finished())));
        }
        out.append("\n\n");
    }

    private void verdict(ScanReport report) {
        Verdict verdict = report.judgement().verdict();
        String word = "VERDICT: " + verdict.word().toUpperCase(java.util.Locale.ROOT);
        // The padding gives the coloured background a margin; plain text needs none.
        out.append(color ? paint(" " + word + " ", verdictColor(verdict)) : word).append('\n');
        for (String reason : report.judgement().reasons()) {
            out.append("  • ").append(p(reason)).append('\n');
        }
        out.append('\n');
    }

    /** One line: the build found, where, and what is still open on it; nothing when no build was found. */
    private void exposure(Exposure exposure) {
        if (exposure.build() == null) return;
        out.append(bold("Exposure")).append(": Exchange ").append(p(exposure.build()));
        if (exposure.source() != null) out.append(" from ").append(p(exposure.source()));
        out.append(" — ").append(exposure.cves().isEmpty() ? "no known open CVE"
                : paint("open: " + p(String.join(" ", exposure.cves())), "31")).append("\n\n");
    }

    private void levels(List<Finding> findings) {
        out.append(bold("Findings by level")).append(" (").append(findings.size()).append(")\n");
        for (Map.Entry<Level, Long> entry : LevelCounts.of(findings).entrySet()) {
            String label = pad(entry.getKey().word(), 14);
            out.append("  ").append(entry.getValue() > 0 ? paint(label, levelColor(entry.getKey())) : label)
                    .append(String.format("%6d", entry.getValue())).append('\n');
        }
        out.append('\n');
    }

    /** Per chain: its addresses, counts and span on one line, then its summary. */
    private void actors(List<ActorChain> chains) {
        if (chains.isEmpty()) return;
        out.append(bold("Attack chains")).append(" (").append(chains.size()).append(")\n");
        int shown = Math.min(chains.size(), MAX_ACTORS);
        for (int i = 0; i < shown; i++) {
            ActorChain chain = chains.get(i);
            List<String> levels = new ArrayList<>();
            chain.levels().forEach((level, n) -> levels.add(level + " " + n));
            out.append("  ").append(pad(addresses(chain), 16)).append(' ')
                    .append(pad(plural(chain.findings(), "finding"), 12)).append(' ')
                    .append(pad(String.join(", ", levels), 22));
            if (chain.first() != null) {
                out.append(' ').append(chain.first());
                if (!chain.last().equals(chain.first())) out.append(" → ").append(chain.last());
            }
            if (!chain.cves().isEmpty()) out.append("  ").append(String.join(" ", chain.cves()));
            out.append('\n');
            if (!chain.summary().isEmpty()) summary(p(chain.summary()));
        }
        more(chains.size() - shown);
        out.append('\n');
    }

    /**
     * A chain's summary in at most two indented lines, broken at spaces; a longer one ends with
     * "…" (the whole paragraph is in the JSON and HTML reports).
     */
    private void summary(String text) {
        int start = 0;
        for (int line = 0; line < 2 && start < text.length(); line++) {
            int end = Math.min(text.length(), start + SUMMARY_WIDTH);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start) end = space;
            }
            boolean cut = line == 1 && end < text.length();
            out.append("    ").append(text, start, end).append(cut ? " …" : "").append('\n');
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') start++;
        }
    }

    /** The chain's addresses, main first, at most three named. */
    private static String addresses(ActorChain chain) {
        if (chain.addresses().isEmpty()) return "(no address)";
        List<String> named = chain.addresses().subList(0, Math.min(3, chain.addresses().size()));
        String text = p(String.join(", ", named));
        int rest = chain.addresses().size() - named.size();
        return rest > 0 ? text + " +" + rest + " more" : text;
    }

    private void topFindings(List<Finding> findings) {
        if (findings.isEmpty()) return;
        List<Finding> top = new ArrayList<>(findings);
        // Most severe first; within a level, report order (time first) is kept by the stable sort.
        top.sort(Comparator.comparing(Finding::level).reversed());
        int shown = Math.min(top.size(), MAX_TOP_FINDINGS);
        out.append(bold("Top findings")).append('\n');
        for (int i = 0; i < shown; i++) {
            Finding f = top.get(i);
            out.append("  ").append(paint(pad(f.level().word(), 13), levelColor(f.level()))).append(' ')
                    .append(pad(f.time() == null ? "-" : f.time().toString(), 20)).append("  ")
                    .append(pad(shorten(p(f.rule().title()), MAX_TITLE), MAX_TITLE)).append("  ")
                    .append(p(f.source() == null ? "" : f.source().toString()));
            if (f.actor() != null && f.actor().ip() != null) out.append("  ").append(p(f.actor().ip()));
            out.append('\n');
        }
        more(top.size() - shown);
        out.append('\n');
    }

    private void coverage(List<FileCoverage> files) {
        out.append(bold("Coverage")).append(": ").append(plural(files.size(), "file")).append(", ")
                .append(plural(CoverageTotals.events(files), "event")).append(" —");
        CoverageTotals.byStatus(files).forEach((status, n) -> out.append(' ').append(status).append(' ').append(n));
        out.append('\n');
        List<FileCoverage> problems = files.stream().filter(f -> !f.status().equals(FileCoverage.READ)).toList();
        int shown = Math.min(problems.size(), MAX_COVERAGE_PROBLEMS);
        for (int i = 0; i < shown; i++) {
            FileCoverage file = problems.get(i);
            String status = pad(file.status(), 8);
            out.append("  ").append(file.status().equals(FileCoverage.SKIPPED) ? status : paint(status, "33"))
                    .append(' ').append(p(file.path()));
            if (file.reason() != null) out.append(": ").append(p(file.reason()));
            if (!file.warnings().isEmpty()) out.append(" (").append(plural(file.warnings().size(), "warning")).append(')');
            out.append('\n');
        }
        more(problems.size() - shown);
        out.append('\n');
    }

    private void errors(List<ScanError> errors) {
        if (errors.isEmpty()) return;
        out.append(bold("Errors")).append(" (").append(errors.size()).append(")\n");
        int shown = Math.min(errors.size(), MAX_ERRORS);
        for (int i = 0; i < shown; i++) {
            ScanError error = errors.get(i);
            out.append("  ").append(p(error.source())).append(": ").append(p(error.message())).append('\n');
        }
        more(errors.size() - shown);
        out.append('\n');
    }

    private void exitHint(ScanReport report) {
        Level fail = report.failLevel() == null ? Level.INFORMATIONAL : report.failLevel();
        long failing = report.countAtLeast(fail);
        if (failing > 0) {
            out.append("Exit code 1: ").append(plural(failing, "finding")).append(" at or above ")
                    .append(fail.word()).append(" (--fail-level). Full details: --json or --html.\n");
        } else {
            out.append("Exit code 0: no finding at or above ").append(fail.word())
                    .append(" (--fail-level).\n");
        }
    }

    private void more(int hidden) {
        if (hidden > 0) out.append("  … ").append(hidden).append(" more (see --json)\n");
    }

    private String paint(String text, String sgr) {
        return color && sgr != null ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }

    private String bold(String text) {
        return paint(text, "1");
    }

    private static String verdictColor(Verdict verdict) {
        return switch (verdict) {
            case COMPROMISED -> "1;97;41";
            case ATTEMPTED -> "1;30;43";
            case INCONCLUSIVE -> "1;97;100";
            case CLEAN -> "1;97;42";
        };
    }

    private static String levelColor(Level level) {
        return switch (level) {
            case CRITICAL -> "1;31";
            case HIGH -> "31";
            case MEDIUM -> "33";
            case LOW -> "36";
            case INFORMATIONAL -> null;
        };
    }

    /** Evidence text shown in a terminal: escape sequences from a log must not reach the terminal. */
    private static String p(String text) {
        return PrintableText.of(text);
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) padded.append(' ');
        return padded.toString();
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return (seconds / 60) + "m" + (seconds % 60) + "s";
        return (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m";
    }
}
