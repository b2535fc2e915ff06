package org.exhunt.hunt.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.ioc.Ioc;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.IocType;
import org.exhunt.yara.ScanOptions;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraMatch;
import org.exhunt.yara.YaraProblem;
import org.exhunt.yara.YaraRules;
import org.exhunt.yara.YaraScanner;

/**
 * Checks whole files with YARA rules and against SHA-256 indicators. Built once per scan and
 * shared by the worker threads. Files are read whole up to {@link #MAX_FILE_BYTES}; larger ones
 * are reported, not read. Each file gets a time budget, so no rule and no file can hold a scan.
 */
public final class FileSweep {

    /** Files above this size are not swept (a web page or a compiled page is far smaller). */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Logs above this size are not checked with YARA (their events are still read). */
    public static final long MAX_LOG_BYTES = 256L << 20;
    static final Duration BUDGET = Duration.ofSeconds(30);
    static final String OUTCOME_POST = "exhunt.outcome.post-exploitation";

    private final Map<String, String> builtIn;
    private final List<Path> userFiles;
    private final Map<String, Ioc> hashes;
    /** Whether some indicator is an MD5 or SHA-1, so that files need those digests too. */
    private final boolean olderDigests;
    private volatile Compiled compiled;

    /** The rules ready to scan, with what loading them found. */
    private record Compiled(YaraScanner scanner, boolean userRules, int rules, List<String> problems) {
    }

    private FileSweep(Map<String, String> builtIn, List<Path> userFiles, Map<String, Ioc> hashes) {
        this.builtIn = builtIn;
        this.userFiles = userFiles;
        this.hashes = hashes;
        this.olderDigests = hashes.keySet().stream().anyMatch(h -> h.length() != 64);
    }

    /**
     * @param builtIn   our rule files as (name, text) pairs, in load order
     * @param userFiles YARA files from the user's rule paths
     * @param iocs      indicator lists; their SHA-256 entries are compared with each file's hash
     */
    public static FileSweep load(Map<String, String> builtIn, List<Path> userFiles, IocSet iocs) {
        // One map serves the three digests: their lengths (64, 40, 32 hex digits) keep them apart.
        Map<String, Ioc> hashes = new HashMap<>();
        for (IocType type : HASH_TYPES) {
            for (Ioc ioc : iocs.entries(type)) hashes.putIfAbsent(ioc.value().toLowerCase(Locale.ROOT), ioc);
        }
        return new FileSweep(new LinkedHashMap<>(builtIn), List.copyOf(userFiles), hashes);
    }

    /**
     * Compiles the rules on first use: a scan of logs alone, without the user's YARA rules,
     * never needs them, and should not pay for them at start-up.
     */
    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    compiled = c = compile();
                }
            }
        }
        return c;
    }

    private Compiled compile() {
        YaraCompiler compiler = new YaraCompiler();
        builtIn.forEach(compiler::addText);
        userFiles.forEach(compiler::addFile);
        YaraRules rules = compiler.rules();
        List<String> problems = new ArrayList<>();
        for (YaraProblem p : rules.problems()) {
            problems.add(p.toString());
        }
        YaraScanner scanner = YaraScanner.of(rules);
        scanner.problems().forEach(p -> problems.add(p.toString()));
        boolean anyUserFileAccepted = rules.acceptedFiles().stream()
                .anyMatch(f -> userFiles.stream().anyMatch(u -> u.toString().equals(f)));
        return new Compiled(scanner, anyUserFileAccepted, rules.rules().size(), problems);
    }

    /**
     * Rule files that could not be loaded, as {@code file:line:col: message}. Compiles the rules
     * when they hold the user's files (whose problems the user must see) or when asked to.
     */
    public List<String> problems() {
        return userFiles.isEmpty() ? List.of() : compiled().problems();
    }

    /**
     * How many YARA rules the scan holds. When no file needed them (a scan of logs alone), the
     * rules of our own pack are counted from their declarations instead of compiling them: the
     * pack is ours and always compiles (a test checks it), and compiling costs a second at start-up.
     */
    public int rules() {
        Compiled c = compiled;
        if (c != null || !userFiles.isEmpty()) {
            return compiled().rules();
        }
        int n = 0;
        for (String text : builtIn.values()) {
            java.util.regex.Matcher m = RULE_DECLARATION.matcher(text);
            while (m.find()) {
                n++;
            }
        }
        return n;
    }

    private static final java.util.regex.Pattern RULE_DECLARATION =
            java.util.regex.Pattern.compile("(?m)^\\s*(?:(?:private|global)\\s+)*rule\\s+[A-Za-z_]");

    /** Whether logs are worth a YARA pass: only the user's rules are written for log lines. */
    public boolean checksLogs() {
        return !userFiles.isEmpty() && compiled().userRules();
    }

    /** What sweeping one file gave. */
    public record Outcome(List<Finding> findings, List<String> warnings, String error) {
    }

    /** Reads the file whole (up to the cap) and checks it. */
    public Outcome sweep(EvidenceFile file, long cap) {
        byte[] data;
        try (InputStream in = file.open()) {
            data = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
        } catch (IOException | RuntimeException e) {
            return new Outcome(List.of(), List.of(), "cannot be read: " + e.getMessage());
        }
        if (data.length > cap) {
            return new Outcome(List.of(), List.of(), "larger than " + (cap >> 20) + " MiB: not checked with YARA");
        }
        return check(file.path(), data);
    }

    Outcome check(String path, byte[] data) {
        List<Finding> findings = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String sha256 = sha256(data);
        Ioc known = hashes.get(sha256);
        if (known == null && olderDigests) {
            // MD5 and SHA-1 are computed only when some feed gave them: most scans need SHA-256 alone.
            known = hashes.get(digest("SHA-1", data));
            if (known == null) known = hashes.get(digest("MD5", data));
        }
        if (known != null) {
            findings.add(hashFinding(known, path, sha256));
        }
        ScanResult result = compiled().scanner().scan(data, ScanOptions.defaults().withExternals(externals(path)).withTimeout(BUDGET));
        for (YaraMatch m : result.matches()) {
            findings.add(YaraFindings.of(m, path, sha256));
        }
        warnings.addAll(result.warnings());
        if (result.timedOut()) {
            warnings.add("YARA stopped after its time budget of " + BUDGET.toSeconds() + " s: rules after that point were not checked");
        }
        return new Outcome(findings, warnings, null);
    }

    /**
     * The external variables signature-base's rules read: the file's name, its path as written
     * on the server (backslashes), its extension with the dot, its type in upper case, and an
     * owner, which a copy of the evidence cannot tell (empty).
     */
    static Map<String, Object> externals(String path) {
        String inside = path.contains("!/") ? path.substring(path.lastIndexOf("!/") + 2) : path;
        String ext = WebFiles.extension(inside);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("filename", WebFiles.fileName(inside));
        values.put("filepath", inside.replace('/', '\\'));
        values.put("extension", ext);
        values.put("filetype", ext.isEmpty() ? "" : ext.substring(1).toUpperCase(Locale.ROOT));
        values.put("owner", "");
        return values;
    }

    private static Finding hashFinding(Ioc ioc, String path, String sha256) {
        List<String> tags = new ArrayList<>();
        for (String t : ioc.list().tags()) {
            if (!t.startsWith("exhunt.outcome.")) {
                tags.add(t);
            }
        }
        tags.add(OUTCOME_POST);
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("sha256", sha256);
        // The digest the indicator gave, when it is not the SHA-256 shown above.
        if (ioc.type() != IocType.SHA256) matched.put(ioc.type().word(), ioc.value());
        matched.put("ioc", ioc.type().word() + " " + ioc.value() + (ioc.description().isEmpty() ? "" : " (" + ioc.description() + ")"));
        RuleRef rule = new RuleRef(ioc.list().ruleId(), ioc.list().title(), Level.CRITICAL, tags);
        return new Finding(rule, "ioc", null, new SourceRef(path, -1, -1, -1), matched, null);
    }

    static String sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static final List<IocType> HASH_TYPES = List.of(IocType.SHA256, IocType.SHA1, IocType.MD5);
}
