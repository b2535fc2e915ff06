package org.exhunt.hunt.chain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;

/** Findings as the scan writes them, small enough to read in a test. */
final class ChainFindings {

    static final Instant T0 = Instant.parse("2021-03-03T02:10:00Z");
    static final String IIS = "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
    static final String BACK_END = "inetpub/logs/LogFiles/W3SVC2/u_ex210303.log";

    static final RuleRef SSRF = new RuleRef("ssrf", "ProxyLogon SSRF reached a back-end path", Level.CRITICAL,
            List.of("attack.initial-access", "attack.t1190", "cve.2021-26855", "exhunt.outcome.success"));
    static final RuleRef OAB_WRITE = new RuleRef("oab-write", "OAB generator wrote a download outside its folder",
            Level.CRITICAL, List.of("attack.persistence", "attack.t1505.003", "cve.2021-26858", "exhunt.outcome.success"));
    static final RuleRef PROBE = new RuleRef("probe", "Request for a known web shell path", Level.HIGH,
            List.of("attack.reconnaissance", "attack.t1595.003", "exhunt.outcome.recon"));
    static final RuleRef SHELL_USE = new RuleRef("shell-use", "ASPX page under /aspnet_client answered",
            Level.CRITICAL, List.of("attack.persistence", "attack.t1505.003", "exhunt.outcome.post-exploitation"));
    static final RuleRef SHELL_FILE = new RuleRef("chopper", "China Chopper web shell", Level.CRITICAL,
            List.of("attack.persistence", "attack.t1505.003"));
    static final RuleRef SHELL_CHILD = new RuleRef("w3wp-shell", "Exchange web worker started a shell",
            Level.HIGH, List.of("attack.execution", "attack.t1059.003", "attack.persistence", "attack.t1505.003",
            "exhunt.outcome.post-exploitation"));
    static final RuleRef LSASS = new RuleRef("lsass", "LSASS memory dumped", Level.HIGH,
            List.of("attack.credential-access", "attack.t1003.001", "exhunt.outcome.post-exploitation"));
    static final RuleRef ARCHIVE = new RuleRef("archive", "Archive staged in ProgramData", Level.HIGH,
            List.of("attack.collection", "attack.t1560.001"));

    private static long line = 1;

    private ChainFindings() {
    }

    static Finding request(RuleRef rule, Instant time, String ip, String uri, int status) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("cs-uri-stem", uri);
        matched.put("context.sc-status", Integer.toString(status));
        long n = line++;
        return new Finding(rule, "sigma", time, SourceRef.ofLine(IIS, n, n * 120), matched,
                new Actor(ip, null, "python-requests/2.25.1"));
    }

    /**
     * A request logged by the back-end site (port 444) of the server at {@code serverIp}, made by
     * {@code client} with {@code userAgent}; with {@code withServerFields} false it carries no
     * server address or port (an indicator match on the same line, say).
     */
    static Finding backEnd(RuleRef rule, Instant time, String client, String serverIp, String userAgent,
                           boolean withServerFields) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("cs-uri-stem", "/ecp/proxyLogon.ecp");
        if (withServerFields) {
            matched.put("context.s-ip", serverIp);
            matched.put("context.s-port", "444");
        }
        long n = line++;
        return new Finding(rule, "sigma", time, SourceRef.ofLine(BACK_END, n, n * 120), matched,
                new Actor(client, null, userAgent));
    }

    static Finding byAccount(RuleRef rule, Instant time, String ip, String user) {
        long n = line++;
        return new Finding(rule, "sigma", time, SourceRef.ofLine(IIS, n, n * 120), Map.of("cs-uri-stem", "/ecp/y.js"),
                new Actor(ip, user, null));
    }

    static Finding fileOnDisk(String path) {
        return new Finding(SHELL_FILE, "yara", null, new SourceRef(path, -1, -1, -1),
                Map.of("rule", "chopper"), Actor.UNKNOWN);
    }

    /** A file written by a process no web request is known to have started (a service, say). */
    static Finding fileWrite(RuleRef rule, Instant time, String image, String targetFilename) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("Image", image);
        matched.put("TargetFilename", targetFilename);
        matched.put("context.ProcessId", "5512");
        matched.put("context.Computer", "EXCH19.fabrikam.local");
        return new Finding(rule, "sigma", time, new SourceRef("Sysmon.evtx", -1, line++, -1), matched,
                Actor.UNKNOWN);
    }

    static Finding process(RuleRef rule, Instant time, String parentImage, String image, int pid, int parentPid,
                           String commandLine) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("ParentImage", parentImage);
        matched.put("context.Image", image);
        matched.put("context.ProcessId", Integer.toString(pid));
        matched.put("context.ParentProcessId", Integer.toString(parentPid));
        matched.put("context.CommandLine", commandLine);
        matched.put("context.Computer", "EXCH01.contoso.local");
        return new Finding(rule, "sigma", time, new SourceRef("Sysmon.evtx", -1, line++, -1), matched,
                Actor.UNKNOWN);
    }
}
