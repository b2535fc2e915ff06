package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;

/** Small, readable builders of findings, coverage and reports for tests. */
public final class ReportFixtures {

    public static final String ATTACKER = "104.248.49.97";
    public static final Instant T0 = Instant.parse("2021-03-03T02:10:11Z");

    public static final RuleRef SSRF_SUCCESS = new RuleRef("5f0b1b3c-0001-4a4e-9d3e-000000000001",
            "ProxyLogon SSRF succeeded", Level.CRITICAL,
            List.of("attack.initial-access", "attack.t1190", "cve.2021-26855", "exhunt.outcome.success"));
    public static final RuleRef SSRF_ATTEMPT = new RuleRef("5f0b1b3c-0002-4a4e-9d3e-000000000002",
            "ProxyLogon SSRF attempt", Level.HIGH,
            List.of("attack.initial-access", "attack.t1190", "cve.2021-26855", "exhunt.outcome.attempt"));
    public static final RuleRef SCANNER = new RuleRef("5f0b1b3c-0003-4a4e-9d3e-000000000003",
            "Exchange version probe", Level.LOW,
            List.of("attack.reconnaissance", "attack.t1595", "exhunt.outcome.recon"));
    public static final RuleRef WEBSHELL_YARA = new RuleRef("china_chopper_aspx",
            "China Chopper ASPX web shell", Level.CRITICAL, List.of("attack.persistence", "attack.t1505.003"));
    public static final RuleRef COMMUNITY_HIGH = new RuleRef("c0ffee00-0000-4000-8000-000000000001",
            "Suspicious IIS request", Level.HIGH, List.of("attack.initial-access"));
    public static final RuleRef COMMUNITY_MEDIUM = new RuleRef("c0ffee00-0000-4000-8000-000000000002",
            "Unusual user agent", Level.MEDIUM, List.of("attack.discovery"));

    private ReportFixtures() {
    }

    public static Finding onLine(RuleRef rule, Instant time, String path, long line, String ip) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("cs-uri-stem", "/ecp/y.js");
        matched.put("c-ip", ip);
        return new Finding(rule, "sigma", time, SourceRef.ofLine(path, line, line * 100), matched,
                new Actor(ip, null, "ExchangeServicesClient/0.0.0.0"));
    }

    public static Finding onFile(RuleRef rule, String engine, String path) {
        return new Finding(rule, engine, null, new SourceRef(path, -1, -1, -1),
                Map.of("strings", List.of("$a: eval(Request.Item[")), Actor.UNKNOWN);
    }

    public static FileCoverage iisLog(String path, long events) {
        return FileCoverage.read(path, "iis-w3c", events, T0.minusSeconds(86_400), T0.plusSeconds(86_400));
    }

    public static List<FileCoverage> oneIisLog() {
        return List.of(iisLog("logs/W3SVC1/u_ex210303.log", 1200));
    }

    public static ScanInfo scanInfo() {
        return new ScanInfo("scan-0001", Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:00:07Z"), List.of("evidence/"), "EXCH01", 1200, 2,
                null, null, Map.of("sigma", 40, "ioc", 812), "high");
    }

    /** A compromise by one address, a probe by another, a web shell on disk and mixed coverage. */
    public static List<Finding> compromiseFindings() {
        List<Finding> findings = new ArrayList<>();
        String log = "logs/W3SVC1/u_ex210303.log";
        findings.add(onLine(SCANNER, T0.minusSeconds(600), log, 10, "45.77.1.2"));
        findings.add(onLine(SSRF_ATTEMPT, T0.minusSeconds(5), log, 40, ATTACKER));
        findings.add(onLine(SSRF_SUCCESS, T0, log, 41, ATTACKER));
        findings.add(onLine(SSRF_SUCCESS, T0.plusSeconds(2), log, 42, ATTACKER));
        findings.add(onLine(SSRF_SUCCESS, T0.plusSeconds(9), log, 45, ATTACKER));
        findings.add(onFile(WEBSHELL_YARA, "yara", "inetpub/wwwroot/aspnet_client/system_web/x.aspx"));
        return findings;
    }

    public static List<FileCoverage> mixedCoverage() {
        return List.of(
                iisLog("logs/W3SVC1/u_ex210303.log", 1200),
                new FileCoverage("logs/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG", "exchange-httpproxy", 300,
                        T0.minusSeconds(3600), T0.plusSeconds(3600), FileCoverage.PARTIAL,
                        "line 301: truncated record", List.of("line 17: 3 columns, expected 42")),
                FileCoverage.skipped("notes.txt", "unknown", "not a log exhunt reads"),
                FileCoverage.failed("logs/broken.log", "iis-w3c", "line 1: no #Fields: header before data"));
    }

    public static ScanReport compromiseReport() {
        return ScanReport.builder()
                .tool("exhunt", "0.1.0")
                .scan(scanInfo())
                .coverage(mixedCoverage())
                .findings(compromiseFindings())
                .addError(new ScanError("rules/sigma/bad.yml", "rules/sigma/bad.yml:7: unknown modifier 'contians'"))
                .build();
    }

    public static ScanReport emptyReport() {
        return ScanReport.builder().tool("exhunt", "0.1.0").scan(scanInfo()).build();
    }
}
