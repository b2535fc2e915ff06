package org.exhunt.hunt.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.hunt.finding.Finding;

/**
 * Decides which actor each finding belongs to. Addresses are joined (union-find) when they use the
 * same web shell or the same real account; findings without an address are attached to an actor
 * through the web shell file they are about, through process lineage from the Exchange web
 * workers, or through time: the actor that exploited the server or used a web shell closest before,
 * within a bounded window. Every step is a hash lookup or a binary search, so the work grows with
 * n log n in the number of findings.
 */
final class Correlation {

    /** A finding no actor could be tied to. */
    static final int NONE = -1;

    /**
     * How far apart a relayed request and the client request it passed on may be logged: the front
     * end calls the back end within the same request, so seconds, plus clock skew between servers.
     */
    static final long RELAY_SLACK_MILLIS = 30_000;

    private static final String[] WEB_WORKERS = {"\\w3wp.exe", "\\umworkerprocess.exe"};

    private final List<Finding> findings;
    private final Keys[] keys;
    private final long windowMillis;

    private final Map<String, Integer> addressIndex = new HashMap<>();
    private final List<String> addresses = new ArrayList<>();
    private int[] parent;

    /** Per finding: the address index it belongs to, or {@link #NONE}; roots after {@link #run()}. */
    private final int[] owner;
    /** Per finding: the web shell path it shows (a request path or a file), or {@code null}. */
    private final String[] shellPath;
    private final Map<List<String>, TagFlags> tagFlags = new HashMap<>();

    Correlation(List<Finding> findings, Keys[] keys, Duration window) {
        this.findings = findings;
        this.keys = keys;
        this.windowMillis = window.toMillis();
        this.owner = new int[findings.size()];
        this.shellPath = new String[findings.size()];
        Arrays.fill(owner, NONE);
    }

    void run() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].address != null && !keys[i].relayed) owner[i] = indexOf(keys[i].address);
        }
        attachRelayed();
        parent = new int[addresses.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;

        Set<String> onDisk = diskTails();
        Map<String, Integer> shellUsers = joinWebShellUsers(onDisk);
        joinAccounts();
        Anchors anchors = anchors();
        attachFiles(shellUsers);
        attachProcesses(shellUsers, anchors);
        attachServerSide(anchors);
        joinWriters(shellUsers, onDisk);
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] != NONE) owner[i] = find(owner[i]);
        }
    }

    /** The root address index of each finding's actor, or {@link #NONE}. */
    int[] owners() {
        return owner;
    }

    String address(int index) {
        return addresses.get(index);
    }

    /** The web shell path a finding shows, or {@code null}. */
    String shellPath(int finding) {
        return shellPath[finding];
    }

    private int indexOf(String address) {
        Integer index = addressIndex.get(address);
        if (index == null) {
            index = addresses.size();
            addressIndex.put(address, index);
            addresses.add(address);
        }
        return index;
    }

    /**
     * A request the server relayed to itself (front end to back end, or an SSRF) belongs to the
     * client whose request it passed on: the addressed request with the same user agent closest in
     * time, at most {@link #RELAY_SLACK_MILLIS} apart. With none (the front end's logs are missing,
     * say), the relaying address stands for the actor, as it is all the evidence names.
     */
    private void attachRelayed() {
        List<Integer> clients = new ArrayList<>();
        boolean anyRelayed = false;
        for (int i = 0; i < keys.length; i++) {
            if (owner[i] != NONE && findings.get(i).time() != null && keys[i].userAgent != null) clients.add(i);
            anyRelayed |= keys[i].address != null && keys[i].relayed;
        }
        if (!anyRelayed) return;
        clients.sort((a, b) -> Long.compare(millis(a), millis(b)));
        long[] times = new long[clients.size()];
        for (int j = 0; j < times.length; j++) times[j] = millis(clients.get(j));
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].address == null || !keys[i].relayed) continue;
            int client = relayedFor(i, clients, times);
            owner[i] = client != NONE ? owner[client] : indexOf(keys[i].address);
        }
    }

    /** The client finding closest in time to relayed finding {@code i} with its user agent, or {@link #NONE}. */
    private int relayedFor(int i, List<Integer> clients, long[] times) {
        String agent = keys[i].userAgentKey();
        long at = millis(i);
        if (agent == null || at == Long.MIN_VALUE) return NONE;
        int from = lowerBound(times, at - RELAY_SLACK_MILLIS);
        int best = NONE;
        long bestGap = Long.MAX_VALUE;
        for (int j = from; j < times.length && times[j] <= at + RELAY_SLACK_MILLIS; j++) {
            int c = clients.get(j);
            if (!agent.equals(keys[c].userAgentKey())) continue;
            long gap = Math.abs(times[j] - at);
            if (gap < bestGap) {
                bestGap = gap;
                best = c;
            }
        }
        return best;
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Every folder-boundary tail of every file found on disk or written by a process. */
    private Set<String> diskTails() {
        Set<String> tails = new HashSet<>();
        for (Keys k : keys) {
            if (k.filePath != null) tails.addAll(WebPaths.tails(WebPaths.normalize(k.filePath)));
            if (k.namedScript != null) tails.addAll(WebPaths.tails(WebPaths.normalize(k.namedScript)));
        }
        return tails;
    }

    /**
     * Joins the addresses that used the same web shell, and answers which actor used each shell path.
     * A request counts as use when it was answered (status below 400: a 404 is a probe for a shell
     * that is not there) and the page is a script page that is either on disk or that a web-shell
     * rule (ATT&amp;CK T1505.003) flagged; with no status logged, only a page found on disk counts,
     * since scanners request the published shell paths by the thousand.
     */
    private Map<String, Integer> joinWebShellUsers(Set<String> onDisk) {
        Map<String, Integer> users = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Keys k = keys[i];
            if (k.address == null || k.uri == null || !WebPaths.isScriptPage(k.uri)) continue;
            String path = WebPaths.normalize(k.uri);
            boolean found = onDisk.contains(path);
            boolean answered = k.status >= 0 ? k.status < 400 : found;
            if (!answered || !(found || flagsWebShell(findings.get(i)))) continue;
            shellPath[i] = k.uri;
            Integer earlier = users.putIfAbsent(path, owner[i]);
            if (earlier != null) union(earlier, owner[i]);
        }
        return users;
    }

    /** Joins addresses that acted as the same real account. */
    private void joinAccounts() {
        Map<String, Integer> byAccount = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (owner[i] == NONE || findings.get(i).actor() == null) continue;
            String account = Accounts.key(findings.get(i).actor().user());
            if (account == null) continue;
            Integer earlier = byAccount.putIfAbsent(account, owner[i]);
            if (earlier != null) union(earlier, owner[i]);
        }
    }

    /** Files found on disk join the actor that requested them (the longest matching path wins). */
    private void attachFiles(Map<String, Integer> shellUsers) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].filePath == null) continue;
            shellPath[i] = keys[i].filePath;
            owner[i] = userOf(keys[i].filePath, shellUsers);
        }
    }

    private static int userOf(String file, Map<String, Integer> shellUsers) {
        for (String tail : WebPaths.tails(WebPaths.normalize(file))) {
            Integer user = shellUsers.get(tail);
            if (user != null) return user;
        }
        return NONE;
    }

    /**
     * Processes started by an Exchange web worker, and their descendants, belong to the actor that
     * used a web shell or exploited the server closest before the first of them, within the window;
     * a file a web worker wrote belongs to whoever requested that file. Processes of no such lineage,
     * or with no actor in the window, stay unattached (host activity).
     */
    private void attachProcesses(Map<String, Integer> shellUsers, Anchors anchors) {
        List<Integer> processes = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (owner[i] == NONE && keys[i].filePath == null && keys[i].isProcess()) processes.add(i);
        }
        processes.sort((a, b) -> Long.compare(millis(a), millis(b)));
        // (computer, pid) of a process descending from a web worker → the actor it was attached to.
        Map<String, Integer> lineage = new HashMap<>();
        for (int i : processes) {
            Keys k = keys[i];
            Integer inherited = k.parentPid == null ? null : lineage.get(k.computer + "|" + k.parentPid);
            boolean fromWorker = isWebWorker(k.parentImage) || isWebWorker(k.image);
            if (inherited == null && !fromWorker) continue;
            int actor = k.namedScript == null ? NONE : userOf(k.namedScript, shellUsers);
            if (actor == NONE) actor = inherited != null ? inherited : anchors.before(millis(i));
            owner[i] = actor;
            if (k.pid != null && !isWebWorker(k.image)) lineage.put(k.computer + "|" + k.pid, actor);
        }
    }

    /**
     * Server-side consequences of an exploit that name no client (the OAB generator writing the
     * file a ProxyLogon request asked for, say): a finding whose rule names a CVE and says the
     * exploit succeeded joins the actor that exploited or used a web shell closest before it.
     */
    private void attachServerSide(Anchors anchors) {
        for (int i = 0; i < keys.length; i++) {
            if (owner[i] != NONE || keys[i].filePath != null || keys[i].isProcess()) continue;
            Finding f = findings.get(i);
            if (!namesCve(f) || !showsSuccess(f)) continue;
            owner[i] = anchors.before(millis(i));
        }
    }

    /**
     * The writer of a web shell and its users are one actor: a finding tied to an actor that names a
     * script page it wrote (a process's {@code TargetFilename}, the path in an Exchange service log
     * message) joins the addresses that used that page, and a file found on disk that no one was
     * seen requesting joins its writer.
     */
    private void joinWriters(Map<String, Integer> shellUsers, Set<String> onDisk) {
        Map<String, Integer> writers = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            String written = keys[i].namedScript;
            if (written == null || keys[i].filePath != null) continue;
            String path = WebPaths.normalize(written);
            int user = userOf(written, shellUsers);
            if (user != NONE || onDisk.contains(path) || flagsWebShell(findings.get(i))) shellPath[i] = written;
            if (owner[i] == NONE) {
                // A write no one is tied to yet (a service writing the page for an export, say)
                // belongs to whoever then used the page.
                if (user == NONE) continue;
                owner[i] = user;
            }
            if (user != NONE) union(owner[i], user);
            for (String tail : WebPaths.tails(path)) {
                // A tail of one segment (a bare file name) is too weak to tie a file to its writer.
                if (tail.indexOf('/', 1) > 0) writers.putIfAbsent(tail, owner[i]);
            }
        }
        if (writers.isEmpty()) return;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].filePath == null || owner[i] != NONE) continue;
            owner[i] = userOf(keys[i].filePath, writers);
        }
    }

    /** Addressed findings that show a successful exploit or web shell use, by time. */
    private Anchors anchors() {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (owner[i] == NONE || findings.get(i).time() == null) continue;
            if (shellPath[i] != null || showsSuccess(findings.get(i))) picked.add(i);
        }
        picked.sort((a, b) -> Long.compare(millis(a), millis(b)));
        long[] times = new long[picked.size()];
        int[] actors = new int[picked.size()];
        for (int j = 0; j < picked.size(); j++) {
            times[j] = millis(picked.get(j));
            actors[j] = owner[picked.get(j)];
        }
        return new Anchors(times, actors, windowMillis);
    }

    private long millis(int finding) {
        var time = findings.get(finding).time();
        return time == null ? Long.MIN_VALUE : time.toEpochMilli();
    }

    private static boolean isWebWorker(String image) {
        if (image == null) return false;
        String lower = image.toLowerCase(Locale.ROOT);
        for (String worker : WEB_WORKERS) {
            if (lower.endsWith(worker) || lower.equals(worker.substring(1))) return true;
        }
        return false;
    }

    private boolean flagsWebShell(Finding f) {
        return tagFlags(f).webShell;
    }

    private boolean namesCve(Finding f) {
        return tagFlags(f).cve;
    }

    private boolean showsSuccess(Finding f) {
        return tagFlags(f).success;
    }

    /** What the finding's rule tags say, read once per distinct tag list: a scan has far more findings than rules. */
    private TagFlags tagFlags(Finding f) {
        return tagFlags.computeIfAbsent(f.rule().tags(), TagFlags::of);
    }

    /** The tags of a rule that tie its findings to actors: a web-shell technique, a CVE, a success outcome. */
    private record TagFlags(boolean webShell, boolean cve, boolean success) {
        static TagFlags of(List<String> tags) {
            boolean webShell = false, cve = false, success = false;
            for (String tag : tags) {
                webShell |= "T1505.003".equals(KillChain.technique(tag));
                cve |= KillChain.cve(tag) != null;
                String t = tag.trim().toLowerCase(Locale.ROOT);
                success |= t.equals("exhunt.outcome.success") || t.equals("exhunt.outcome.post-exploitation");
            }
            return new TagFlags(webShell, cve, success);
        }
    }

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** Times of anchoring findings, sorted, and the actor of each. */
    private record Anchors(long[] times, int[] actors, long window) {
        /** The actor of the latest anchor at or before {@code at} and at most the window before it. */
        int before(long at) {
            if (at == Long.MIN_VALUE) return NONE;
            int lo = 0, hi = times.length - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] <= at) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0 || at - times[found] > window) return NONE;
            return actors[found];
        }
    }
}
