package org.exhunt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.yara.ScanOptions;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraMatch;
import org.exhunt.yara.YaraProblem;
import org.exhunt.yara.YaraRules;
import org.exhunt.yara.YaraScanner;
import org.exhunt.yara.syntax.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "yara", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Scans a file or folder with YARA rules, printing what yara 4.2.3 prints for the same arguments.",
                "Rules are read in source form only.",
                "Each file is read whole into memory; files over 256 MiB are reported and skipped."},
        footer = {"", "Output: 'RULE PATH' per matching rule, in rule order; -s adds '0xOFFSET:$id: data' lines.",
                "Exit codes (as yara's): 0 the scan ran, 1 a rule file could not be read or compiled, or the",
                "single file given could not be scanned; 2 a usage error."})
final class YaraCommand implements Callable<Integer> {

    /** Files are read whole; this bounds the memory one scan can take. */
    static final long MAX_FILE_BYTES = 256L << 20;

    /** yara refuses more scanning threads than this. */
    private static final int MAX_THREADS = 32;

    private static final int EXIT_FAILURE = 1;

    @Parameters(arity = "2..*", paramLabel = "ARG",
            description = "[NAMESPACE:]RULES_FILE... then the FILE or FOLDER to scan.")
    List<String> arguments;

    @Option(names = {"-s", "--print-strings"}, description = "Print matching strings.")
    boolean printStrings;

    @Option(names = {"-L", "--print-string-length"}, description = "Print length of matched strings.")
    boolean printLengths;

    @Option(names = {"-m", "--print-meta"}, description = "Print metadata.")
    boolean printMeta;

    @Option(names = {"-g", "--print-tags"}, description = "Print tags.")
    boolean printTags;

    @Option(names = {"-e", "--print-namespace"}, description = "Print rules' namespace.")
    boolean printNamespace;

    @Option(names = {"-c", "--count"}, description = "Print only number of matches.")
    boolean countOnly;

    @Option(names = {"-n", "--negate"}, description = "Print only not satisfied rules (negate).")
    boolean negate;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Print only rules tagged as TAG (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-i", "--identifier"}, paramLabel = "IDENTIFIER",
            description = "Print only rules named IDENTIFIER (repeatable).")
    List<String> identifiers = new ArrayList<>();

    @Option(names = {"-d", "--define"}, paramLabel = "VAR=VALUE",
            description = "Define external variable: true/false boolean, digits integer, digits with one dot float, else string.")
    List<String> defines = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "Recursively search directories.")
    boolean recursive;

    @Option(names = {"-N", "--no-follow-symlinks"}, description = "Do not follow symlinks when scanning.")
    boolean noFollowSymlinks;

    @Option(names = {"-p", "--threads"}, paramLabel = "NUMBER",
            description = "Use the specified NUMBER of threads to scan a directory (default: number of processors).")
    Integer threads;

    @Option(names = {"-f", "--fast-scan"}, description = "Fast matching mode.")
    boolean fastScan;

    @Option(names = {"-w", "--no-warnings"}, description = "Disable warnings.")
    boolean noWarnings;

    @Option(names = {"-z", "--skip-larger"}, paramLabel = "NUMBER",
            description = "In a directory, skip files of NUMBER bytes or more (yara's test).")
    long skipLarger;

    @Option(names = {"-a", "--timeout"}, paramLabel = "SECONDS",
            description = "Abort scanning after the given number of SECONDS (for a folder: the whole walk, as yara).")
    Long timeoutSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return run();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run() throws InterruptedException {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount > MAX_THREADS) {
            err.println("maximum number of threads is " + MAX_THREADS);
            return EXIT_FAILURE;
        }
        threadCount = Math.max(1, threadCount);
        YaraCompiler compiler = new YaraCompiler();
        defineExternals(compiler);
        Map<String, String> namespaces = new HashMap<>();
        if (!compileAll(compiler, namespaces)) {
            return EXIT_FAILURE;
        }
        YaraRules rules = compiler.rules();
        YaraScanner scanner = YaraScanner.of(rules);
        // A string the matcher cannot run never matches; say so, as yara would have refused it.
        if (!noWarnings) {
            scanner.problems().forEach(p -> err.println("warning: " + p));
        }
        YaraMatchPrinter printer = new YaraMatchPrinter(
                new YaraMatchPrinter.Layout(printTags, printMeta, printStrings, printLengths, printNamespace),
                tags, identifiers, rules.rules(), namespaces);
        ScanOptions options = ScanOptions.defaults()
                .withNonMatching(negate)
                .withStrings(printStrings || printLengths)
                .withFastMode(fastScan);
        YaraFileScan scan = new YaraFileScan(scanner, options, printer, negate, countOnly, noWarnings);

        String target = arguments.get(arguments.size() - 1);
        long startMillis = System.currentTimeMillis();
        if (Files.isDirectory(Path.of(target))) {
            long deadline = timeoutSeconds == null ? Long.MAX_VALUE : startMillis + timeoutSeconds * 1000;
            scanFolder(target, scan, deadline, threadCount);
            return Main.OK;
        }
        Duration budget = timeoutSeconds == null || timeoutSeconds <= 0 ? Duration.ZERO : Duration.ofSeconds(timeoutSeconds);
        YaraFileScan.Outcome o = scan.scanSingle(target, budget);
        out.print(o.stdout());
        err.print(o.stderr());
        return o.failed() ? EXIT_FAILURE : Main.OK;
    }

    private void defineExternals(YaraCompiler compiler) {
        for (String d : defines) {
            int eq = d.indexOf('=');
            if (eq < 0) {
                // yara stops reading -d options at the first malformed one and goes on
                err.println("error: wrong syntax for `-d` option.");
                return;
            }
            try {
                compiler.defineExternal(d.substring(0, eq), YaraDefines.typed(d.substring(eq + 1)));
            } catch (IllegalArgumentException notAnIdentifier) {
                // yara accepts any name; one that is not an identifier can never be used by a rule
            }
        }
    }

    /** Adds the rule files in order; stops at the first that fails, as yara does, printing its problems. */
    private boolean compileAll(YaraCompiler compiler, Map<String, String> namespaces) {
        List<String> ruleArgs = arguments.subList(0, arguments.size() - 1);
        int known = 0;
        for (String arg : ruleArgs) {
            String namespace = "default";
            String file = arg;
            int colon = arg.indexOf(':');
            // "NS:file" names a namespace; yara 4.2.3 splits at the first colon whatever follows it
            if (colon >= 0) {
                namespace = arg.substring(0, colon);
                file = arg.substring(colon + 1);
            }
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                err.println("error: could not open file: " + file);
                return false;
            }
            if (Files.isDirectory(path)) {
                err.println(file + "(1): error: input in flex scanner failed");
                return false;
            }
            if (!compiler.addFile(path)) {
                printProblems(compiler.rules().problems());
                return false;
            }
            List<Rule> all = compiler.rules().rules();
            for (int i = known; i < all.size(); i++) {
                namespaces.put(all.get(i).name(), namespace);
            }
            known = all.size();
        }
        return true;
    }

    private void printProblems(List<YaraProblem> problems) {
        for (YaraProblem p : problems) {
            String where = p.file() + "(" + p.line() + ")";
            if (p.rule() != null) {
                err.println("error: rule \"" + p.rule() + "\" in " + where + ": " + p.message());
            } else {
                err.println(where + ": error: " + p.message());
            }
        }
    }

    /**
     * Scans the walk's files on {@code threadCount} threads but prints each file's lines together and
     * in walk order, so the output does not depend on the number of threads.
     */
    private void scanFolder(String folder, YaraFileScan scan, long deadlineMillis, int threadCount) throws InterruptedException {
        List<YaraWalk.Entry> entries = YaraWalk.walk(folder, recursive, !noFollowSymlinks, skipLarger);
        if (threadCount == 1) {
            for (YaraWalk.Entry e : entries) {
                print(outcome(e, scan, deadlineMillis));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "yara-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            // A bounded window keeps memory flat: results wait only for the slowest file in flight.
            Deque<Future<YaraFileScan.Outcome>> window = new ArrayDeque<>();
            int limit = threadCount * 4;
            for (YaraWalk.Entry e : entries) {
                if (e instanceof YaraWalk.Skipped) {
                    window.add(CompletableFuture.completedFuture(outcome(e, scan, deadlineMillis)));
                } else {
                    window.add(pool.submit(() -> outcome(e, scan, deadlineMillis)));
                }
                while (window.size() >= limit) {
                    print(take(window));
                }
            }
            while (!window.isEmpty()) {
                print(take(window));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static YaraFileScan.Outcome take(Deque<Future<YaraFileScan.Outcome>> window) throws InterruptedException {
        try {
            return window.poll().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning failed: " + e.getCause(), e.getCause());
        }
    }

    private static YaraFileScan.Outcome outcome(YaraWalk.Entry e, YaraFileScan scan, long deadlineMillis) {
        if (e instanceof YaraWalk.Skipped s) {
            return new YaraFileScan.Outcome("", s.message() + "\n", false);
        }
        YaraWalk.ScanFile f = (YaraWalk.ScanFile) e;
        long now = System.currentTimeMillis();
        if (now >= deadlineMillis) {
            // yara stops taking files once its deadline has passed, silently
            return YaraFileScan.Outcome.NOTHING;
        }
        Duration budget = deadlineMillis == Long.MAX_VALUE ? Duration.ZERO : Duration.ofMillis(deadlineMillis - now);
        return scan.scanInFolder(f.path(), f.size(), budget);
    }

    private void print(YaraFileScan.Outcome o) {
        if (!o.stdout().isEmpty()) {
            out.print(o.stdout());
        }
        if (!o.stderr().isEmpty()) {
            out.flush();
            err.print(o.stderr());
            err.flush();
        }
    }
}
