package org.exhunt.hunt.chain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.hunt.finding.Finding;

/**
 * The correlation keys of one finding, read once: its client address, the request path and status
 * of a web request, the path of a file found on disk, and the process of a Windows event.
 *
 * <p>A key is read from the fields that made the rule match, or else from the event's correlation
 * keys that the scan keeps under the {@code context.} prefix of {@code matched}.
 */
final class Keys {

    private static final String CONTEXT = "context.";

    // The fields read, each with its name among the event's correlation keys: spelled out once
    // here, not joined anew for each of a hundred thousand findings.
    private static final Field COMMAND_LINE = new Field("CommandLine");
    private static final Field COMPUTER = new Field("Computer");
    private static final Field HTTP_STATUS = new Field("HttpStatus");
    private static final Field IMAGE = new Field("Image");
    private static final Field NEW_PROCESS_ID = new Field("NewProcessId");
    private static final Field PARENT_IMAGE = new Field("ParentImage");
    private static final Field PARENT_PROCESS_ID = new Field("ParentProcessId");
    private static final Field PROCESS_ID = new Field("ProcessId");
    private static final Field TARGET_FILENAME = new Field("TargetFilename");
    private static final Field URL_STEM = new Field("UrlStem");
    private static final Field CS_URI = new Field("cs-uri");
    private static final Field CS_URI_STEM = new Field("cs-uri-stem");
    private static final Field S_IP = new Field("s-ip");
    private static final Field S_PORT = new Field("s-port");
    private static final Field SC_STATUS = new Field("sc-status");

    /** A field's name in the match and under the {@code context.} prefix. */
    private record Field(String name, String context) {
        Field(String name) {
            this(name, CONTEXT + name);
        }
    }

    final String address;
    /**
     * The client is the Exchange server itself passing a request on: the request came to the
     * back-end site (port 444, which only front ends call), from the server's own address, or from
     * loopback. Its address names no actor; the front-end request it relays does. Spread by
     * {@link #spreadRelays} to the other findings of that address in the same log.
     */
    boolean relayed;
    final String userAgent;
    /** The request path as logged (case kept), or {@code null}. */
    final String uri;
    /** The HTTP status, or -1 when not known. */
    final int status;
    /** The file's path when the finding is on a file itself (no line, no record), else {@code null}. */
    final String filePath;
    final String computer;
    final String image;
    final String parentImage;
    final String pid;
    final String parentPid;
    final String targetFile;
    final String commandLine;
    /**
     * A Windows or UNC path of a script page that a finding without a client names (a file the
     * server wrote), or {@code null}.
     */
    final String namedScript;

    private Keys(Finding f) {
        address = clean(f.actor() == null ? null : f.actor().ip());
        userAgent = clean(f.actor() == null ? null : f.actor().userAgent());
        Map<String, Object> m = f.matched();
        String stem = text(m, CS_URI_STEM);
        if (stem == null) stem = text(m, URL_STEM);
        if (stem == null) {
            String full = text(m, CS_URI);
            if (full != null) {
                int q = full.indexOf('?');
                stem = q >= 0 ? full.substring(0, q) : full;
            }
        }
        uri = stem;
        relayed = address != null && isRelay(address, text(m, S_IP), text(m, S_PORT));
        String code = text(m, SC_STATUS);
        if (code == null) code = text(m, HTTP_STATUS);
        status = parseStatus(code);
        boolean onFile = f.source() != null && f.source().line() < 0 && f.source().record() < 0;
        filePath = onFile && address == null ? f.source().path() : null;
        computer = lower(text(m, COMPUTER));
        image = text(m, IMAGE);
        parentImage = text(m, PARENT_IMAGE);
        // Security 4688 names the new process NewProcessId and its creator ProcessId; Sysmon names
        // them ProcessId and ParentProcessId.
        String newPid = text(m, NEW_PROCESS_ID);
        pid = pidOf(newPid != null ? newPid : text(m, PROCESS_ID));
        parentPid = pidOf(newPid != null ? text(m, PROCESS_ID) : text(m, PARENT_PROCESS_ID));
        targetFile = text(m, TARGET_FILENAME);
        commandLine = text(m, COMMAND_LINE);
        // Only the server's own records say what it wrote: a path inside a client's request (its
        // query, say) is the client's words and must not tie it to anyone.
        // A file's own matched strings are its content, not a record of what was written: skip them too.
        if (address != null || filePath != null) {
            namedScript = null;
        } else {
            namedScript = targetFile != null && WebPaths.isScriptPage(targetFile) ? targetFile : scriptNamedIn(m);
        }
    }

    /** The first script-page path written out in any text value of the match or its context. */
    private static String scriptNamedIn(Map<String, Object> matched) {
        for (Object value : matched.values()) {
            if (!(value instanceof CharSequence text)) continue;
            String path = WebPaths.scriptPathIn(text.toString());
            if (path != null) return path;
        }
        return null;
    }

    static Keys of(Finding finding) {
        return new Keys(finding);
    }

    /**
     * A finding that does not carry the server's address and port (an indicator match, say) is
     * relayed when another finding of the same client address in the same log file is: what makes
     * a request relayed is where it was logged and by whom, not which rule saw it.
     */
    static void spreadRelays(List<Finding> findings, Keys[] keys) {
        Set<String> relays = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].relayed && findings.get(i).source() != null) relays.add(relayKey(findings.get(i), keys[i]));
        }
        if (relays.isEmpty()) return;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].address != null && !keys[i].relayed && findings.get(i).source() != null
                    && relays.contains(relayKey(findings.get(i), keys[i]))) {
                keys[i].relayed = true;
            }
        }
    }

    private static String relayKey(Finding f, Keys k) {
        return f.source().path() + '\u0000' + k.address;
    }

    /** The field's text from the match, else from the event's correlation keys; blank and "-" are none. */
    private static String text(Map<String, Object> matched, Field field) {
        Object v = matched.get(field.name());
        if (v == null) v = matched.get(field.context());
        if (v == null) return null;
        return clean(v.toString());
    }

    private static boolean isRelay(String client, String serverAddress, String serverPort) {
        if ("444".equals(serverPort)) return true;
        if (client.equals(serverAddress)) return true;
        return client.equals("127.0.0.1") || client.equals("::1");
    }

    /** The user agent in one spelling: IIS writes {@code +} for the spaces other logs keep. */
    String userAgentKey() {
        return userAgent == null ? null : userAgent.replace('+', ' ');
    }

    /** A process or file event of Windows: it names an image. A process id alone does not tell (Exchange logs carry one too). */
    boolean isProcess() {
        return image != null || parentImage != null;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int parseStatus(String code) {
        if (code == null) return -1;
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Process ids are written in decimal or as {@code 0x…} hex (Security log); one form for both. */
    private static String pidOf(String raw) {
        if (raw == null) return null;
        try {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            return Long.toString(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
