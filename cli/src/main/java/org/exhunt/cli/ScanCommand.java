package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.ConsoleReport;
import org.exhunt.hunt.report.HtmlReportWriter;
import org.exhunt.hunt.report.JsonReportWriter;
import org.exhunt.hunt.report.JsonlFindingsWriter;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.report.TimelineCsvWriter;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Hunts the evidence copied off an Exchange server for signs of attack and compromise.",
                "Reads IIS and Exchange logs, Windows event logs (EVTX or JSON exports) and web folders, as files, "
                        + "folders or zip archives.",
                "Prints a verdict (clean, attempted, compromised or inconclusive), the findings by level and by "
                        + "attacker address, and which files were read, skipped or unreadable and why."})
final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "EVIDENCE", description = "Files, folders or .zip archives to scan.")
    List<Path> inputs;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full report as JSON.")
    Path json;

    @Option(names = "--jsonl", paramLabel = "FILE", description = "Write one finding per line (JSON lines).")
    Path jsonl;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "Write the findings as a timeline CSV in Timesketch's format (message, datetime, timestamp_desc, …).")
    Path timeline;

    @Option(names = "--upload", paramLabel = "URL",
            description = "Send the report to a fleet server ('exhunt serve'), e.g. https://fleet.example:8443; "
                    + "when it cannot take it, the report is kept on disk and the message says where.")
    java.net.URI upload;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:EXHUNT_TOKEN}",
            description = "Agent token for --upload (default: the EXHUNT_TOKEN environment variable, which keeps it out of the process list).")
    String token;

    @Option(names = "--upload-host", paramLabel = "NAME",
            description = "With --upload: the server's host name, used when the evidence does not name it.")
    String uploadHost;

    @Option(names = "--rules", paramLabel = "PATH", description = "Add Sigma rules (.yml) and YARA rules (.yar) from a file or folder (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--ioc", paramLabel = "PATH",
            description = "Add indicators from a feed file or folder (repeatable): STIX 2.1, MISP event JSON, "
                    + "MSTIC/Volexity CSV, CHIRP YAML, signature-base lists, plain lists or exhunt .tsv lists.")
    List<Path> iocFeeds = new ArrayList<>();

    @Option(names = "--no-default-rules", description = "Don't load the built-in rule pack.")
    boolean noDefaultRules;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeArg.class,
            description = "Ignore events before this date or time (UTC), e.g. 2021-02-01.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeArg.class,
            description = "Ignore events after this date or time (UTC).")
    Instant until;

    @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: the number of cores).")
    Integer threads;

    @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "medium",
            description = "Exit with 1 when a finding is at or above this level: informational, low, medium, high, critical (default: ${DEFAULT-VALUE}).")
    String failLevel;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors; the exit code tells the outcome.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
        }
        for (Path p : rules) {
            if (!Files.exists(p)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such rule file or folder: " + p);
        }
        for (Path p : iocFeeds) {
            if (!Files.exists(p)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such indicator feed: " + p);
        }
        if (upload != null && (token == null || token.isBlank())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--upload needs an agent token: --token or EXHUNT_TOKEN");
        }
        Level fail = parseLevel(failLevel);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ScanOptions options = new ScanOptions(inputs, rules, !noDefaultRules, since, until, n, fail, iocFeeds);

        boolean terminal = System.console() != null;
        Progress progress = new Progress(!quiet && terminal, spec.commandLine().getErr());
        ScanResult result = new Scanner().scan(options, progress);
        progress.finish();

        ScanReport report = ReportAssembler.assemble(result, Version.current());
        if (json != null) writeTo(json, out -> new JsonReportWriter().write(report, out));
        if (jsonl != null) writeTo(jsonl, out -> JsonlFindingsWriter.write(report, out));
        if (html != null) writeTo(html, out -> new HtmlReportWriter().write(report, out));
        if (timeline != null) {
            TimelineCsvWriter.Written[] written = new TimelineCsvWriter.Written[1];
            writeTo(timeline, out -> written[0] = new TimelineCsvWriter().write(report, out));
            if (written[0].undated() > 0 && !quiet) {
                // Timesketch needs a time on every row: say what the timeline leaves out.
                spec.commandLine().getErr().println("exhunt: the timeline leaves out " + written[0].undated()
                        + " finding(s) without a time (files found on disk); the JSON report has them");
            }
        }

        if (upload != null) {
            // The exit code stays about findings; the upload's fate is always said, even with -q,
            // because a report that did not arrive must not go unnoticed.
            byte[] body = new JsonReportWriter().toJson(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ReportUpload.Outcome sent = new ReportUpload().send(body, upload, token, json, Path.of("."), uploadHost);
            (sent.delivered() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(sent.message());
        }

        if (!quiet) {
            boolean color = !noColor && terminal && System.getenv("NO_COLOR") == null;
            PrintWriter out = spec.commandLine().getOut();
            out.print(ConsoleReport.render(report, color));
            out.flush();
        }
        return result.hasFindingsAtFailLevel() ? Main.FINDINGS : Main.OK;
    }

    private Level parseLevel(String word) {
        for (Level l : Level.values()) {
            if (l.word().equalsIgnoreCase(word) || (word.equalsIgnoreCase("info") && l == Level.INFORMATIONAL)) return l;
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "--fail-level must be informational, low, medium, high or critical, not '" + word + "'");
    }

    private interface Output {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static void writeTo(Path file, Output output) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            output.write(out);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
