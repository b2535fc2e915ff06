package org.exhunt.hunt.report;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;

/**
 * The web shells a report points at: files found on disk by YARA or by hash, files a logged
 * process wrote into a web folder, and web paths that answered like a shell (whose file still
 * has to be found).
 */
final class WebShellFiles {

    /** Files on disk, each with its SHA-256 when the finding gave one ({@code null} otherwise). */
    final TreeMap<String, String> files = new TreeMap<>();
    /** A file named by a log (its path on the server) → the same file found in the evidence. */
    final TreeMap<String, String> copies = new TreeMap<>();
    /** URL paths that answered as web shells, for which no file was found among the evidence. */
    final Set<String> webPaths = new TreeSet<>();

    static WebShellFiles of(ScanReport report) {
        WebShellFiles found = new WebShellFiles();
        for (Finding f : report.findings()) found.add(f);
        for (ActorChain chain : report.chains()) {
            for (String shell : chain.webShells()) found.addNamed(shell);
        }
        found.mergeCopies();
        // A web path is answered once its file is listed: compare by file name to avoid asking twice.
        found.webPaths.removeIf(path -> found.files.keySet().stream().anyMatch(file -> sameName(file, path)));
        return found;
    }

    /**
     * A file a log names by its server path (a process wrote it) and the same file found in the
     * evidence (by YARA or hash) are one web shell: told apart only by the folder the evidence was
     * copied to. They are taken as the same when their folder and file name agree.
     */
    private void mergeCopies() {
        List<String> named = files.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey()).toList();
        for (String server : named) {
            String tail = tail(server);
            if (tail == null) continue;
            String copy = files.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty() && !copies.containsValue(e.getKey()) && tail.equals(tail(e.getKey())))
                    .map(e -> e.getKey()).findFirst().orElse(null);
            if (copy == null) continue;
            files.put(server, files.remove(copy));
            copies.put(server, copy);
        }
    }

    /** The parent folder and file name, lower case, whichever separator the path uses; null if it has no parent. */
    private static String tail(String path) {
        String p = path.replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
        int name = p.lastIndexOf('/');
        if (name <= 0) return null;
        int parent = p.lastIndexOf('/', name - 1);
        return p.substring(parent + 1);
    }

    boolean isEmpty() {
        return files.isEmpty() && webPaths.isEmpty();
    }

    private void add(Finding f) {
        boolean onFile = f.source() != null && f.source().line() < 0 && f.source().record() < 0;
        boolean fileEngine = "yara".equals(f.engine()) || "ioc".equals(f.engine());
        if (onFile && fileEngine && f.level().atLeast(Level.MEDIUM)) {
            String hash = FindingText.field(f, "sha256");
            files.merge(f.source().path(), hash == null ? "" : hash, (a, b) -> a.isEmpty() ? b : a);
            return;
        }
        if (!FindingText.tagged(f, "attack.t1505.003")) return;
        String written = FindingText.field(f, "TargetFilename");
        if (written != null) {
            files.putIfAbsent(written, "");
            return;
        }
        boolean used = FindingText.tagged(f, "exhunt.outcome.post-exploitation")
                || FindingText.tagged(f, "exhunt.outcome.success");
        String stem = FindingText.field(f, "cs-uri-stem");
        if (used && stem != null && looksLikeScript(stem)) webPaths.add(stem);
    }

    private void addNamed(String shell) {
        if (shell == null || shell.isBlank()) return;
        // Chains name both files on disk and URL paths; on a Unix host both start with a slash,
        // so a URL path is told by the virtual directory it starts in.
        if (!files.containsKey(shell) && isWebPath(shell)) {
            webPaths.add(shell);
        } else {
            files.putIfAbsent(shell, "");
        }
    }

    private static final List<String> VIRTUAL_DIRECTORIES = List.of("/owa/", "/ecp/", "/aspnet_client/",
            "/autodiscover/", "/ews/", "/oab/", "/mapi/", "/rpc/", "/powershell/", "/microsoft-server-activesync/",
            "/api/");

    private static boolean isWebPath(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return VIRTUAL_DIRECTORIES.stream().anyMatch(lower::startsWith);
    }

    private static boolean looksLikeScript(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        for (String ext : List.of(".aspx", ".ashx", ".asmx", ".asp", ".php", ".jsp", ".cer", ".cshtml")) {
            if (lower.endsWith(ext)) return true;
        }
        return false;
    }

    private static boolean sameName(String file, String webPath) {
        String name = webPath.substring(webPath.lastIndexOf('/') + 1);
        String f = file.replace('\\', '/');
        return !name.isEmpty() && f.substring(f.lastIndexOf('/') + 1).equalsIgnoreCase(name);
    }
}
