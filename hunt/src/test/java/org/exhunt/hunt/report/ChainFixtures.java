package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.attack.Resemblance;

/** Actor chains built field by field, as the chain builder would fill them, for report tests. */
final class ChainFixtures {

    static final Instant T0 = ReportFixtures.T0;

    private ChainFixtures() {
    }

    static ActorChain.Step step(int secondsAfterT0, String tactic, String title, String level, String target) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new ActorChain.Step(at, at, tactic, "rule-" + title.hashCode(), title, level, ReportFixtures.ATTACKER,
                target, "logs/W3SVC1/u_ex210303.log:" + (40 + secondsAfterT0), 1);
    }

    /** The attacker's chain: a ProxyLogon SSRF, an OAB reset, a web shell used, an LSASS dump. */
    static ActorChain attacker(String userAgent, String shellPath) {
        List<ActorChain.Step> steps = new ArrayList<>();
        steps.add(step(0, "initial-access", "ProxyLogon SSRF succeeded", "critical", "/ecp/y.js"));
        steps.add(step(30, "persistence", "OAB virtual directory reset", "critical", "/ecp/DDI/DDIService.svc/SetObject"));
        steps.add(step(600, "persistence", "Web shell answered", "critical", shellPath));
        steps.add(step(900, "credential-access", "LSASS dumped with comsvcs", "critical", "rundll32 comsvcs.dll MiniDump"));
        steps.add(new ActorChain.Step(null, null, null, "r-undated", "Undated step", "high", null, null,
                "inetpub/x.aspx", 1));
        Map<String, Long> levels = new LinkedHashMap<>();
        levels.put("critical", 4L);
        levels.put("high", 1L);
        return new ActorChain(ReportFixtures.ATTACKER, List.of(ReportFixtures.ATTACKER, "10.0.0.20"),
                List.of(userAgent), List.of("CONTOSO\\administrator"), List.of(shellPath), T0, T0.plusSeconds(900),
                5, levels, List.of("credential-access", "initial-access", "persistence"),
                List.of("CVE-2021-26855", "CVE-2021-27065"),
                List.of(new ActorChain.RuleCount("r1", "ProxyLogon SSRF succeeded", "critical", 1)),
                List.of(new ActorChain.Stage("initial-access", T0, T0, 1, List.of("T1190")),
                        new ActorChain.Stage("persistence", T0.plusSeconds(30), T0.plusSeconds(600), 2,
                                List.of("T1505.003")),
                        new ActorChain.Stage("credential-access", T0.plusSeconds(900), T0.plusSeconds(900), 1,
                                List.of("T1003.001"))),
                steps, "The attacker " + ReportFixtures.ATTACKER + " exploited ProxyLogon and dumped LSASS.",
                List.of(new Resemblance("G0125", "HAFNIUM", 0.6, List.of("T1190", "T1505.003"))));
    }

    /** A chain with only the fields the simple grouping fills: no steps, stages or story. */
    static ActorChain bare(String actor, long findings, String level) {
        return new ActorChain(actor, actor == null ? List.of() : List.of(actor), List.of(), List.of(), List.of(),
                T0, T0, findings, Map.of(level, findings), List.of(), List.of(), List.of(), List.of(), List.of(),
                "", List.of());
    }

    static ScanReport reportWith(List<ActorChain> chains) {
        return ScanReport.builder().tool("exhunt", "0.1.0").scan(ReportFixtures.scanInfo())
                .coverage(ReportFixtures.mixedCoverage()).findings(ReportFixtures.compromiseFindings())
                .chains(chains).build();
    }
}
