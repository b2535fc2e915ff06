package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.ActorChain;

/** What holds for chains built from any mix of findings. */
class ChainProperties {

    private static final List<RuleRef> RULES = List.of(ChainFindings.SSRF, ChainFindings.PROBE,
            ChainFindings.SHELL_USE, ChainFindings.SHELL_FILE, ChainFindings.SHELL_CHILD, ChainFindings.LSASS);
    private static final List<String> PATHS = List.of("/ecp/y.js", "/aspnet_client/a.aspx",
            "/aspnet_client/system_web/b.aspx", "/owa/auth/c.aspx", "/owa/auth/logon.aspx");
    private static final List<String> USERS = List.of("-", "CONTOSO\\alice", "bob@contoso.com",
            "NT AUTHORITY\\SYSTEM", "CONTOSO\\HealthMailbox01");

    @Property(tries = 300)
    void everyAddressIsInExactlyOneChainAndEveryFindingIsCountedOnce(
            @ForAll("findings") List<Finding> findings) {
        List<ActorChain> chains = ChainBuilder.standard().build(findings);

        Set<String> addresses = new HashSet<>();
        for (Finding f : findings) if (f.actor().ip() != null) addresses.add(f.actor().ip());
        Map<String, Integer> seen = new HashMap<>();
        for (ActorChain chain : chains) chain.addresses().forEach(a -> seen.merge(a, 1, Integer::sum));
        assertThat(seen.keySet()).isEqualTo(addresses);
        assertThat(seen.values()).allMatch(n -> n == 1);
        assertThat(chains.stream().mapToLong(ActorChain::findings).sum()).isEqualTo(findings.size());
        for (ActorChain chain : chains) {
            assertThat(chain.steps().stream().mapToLong(ActorChain.Step::count).sum()).isEqualTo(chain.findings());
            assertThat(chain.actor() == null).isEqualTo(chain.addresses().isEmpty());
            if (chain.actor() != null) assertThat(chain.addresses().get(0)).isEqualTo(chain.actor());
        }
        assertThat(chains.stream().filter(c -> c.actor() == null).count()).isLessThanOrEqualTo(1);
    }

    @Property(tries = 200)
    void stagesAreInKillChainOrderAndStepsInTimeOrder(@ForAll("findings") List<Finding> findings) {
        for (ActorChain chain : ChainBuilder.standard().build(findings)) {
            List<Integer> ranks = chain.stages().stream().map(s -> KillChain.rank(s.tactic())).toList();
            assertThat(ranks).isSorted();
            List<Instant> times = new ArrayList<>();
            chain.steps().forEach(s -> { if (s.time() != null) times.add(s.time()); });
            assertThat(times).isSorted();
        }
    }

    @Provide
    Arbitrary<List<Finding>> findings() {
        Arbitrary<Finding> request = Combinators.combine(
                Arbitraries.of(RULES), Arbitraries.integers().between(0, 7_200),
                Arbitraries.of("203.0.113.1", "203.0.113.2", "198.51.100.7", "2001:db8::5", "10.0.0.20"),
                Arbitraries.of(PATHS), Arbitraries.of(200, 302, 404, 500, -1), Arbitraries.of(USERS))
                .as((rule, second, ip, path, status, user) -> {
                    Map<String, Object> matched = new LinkedHashMap<>();
                    matched.put("cs-uri-stem", path);
                    if (status >= 0) matched.put("context.sc-status", Integer.toString(status));
                    return new Finding(rule, "sigma", ChainFindings.T0.plusSeconds(second),
                            SourceRef.ofLine("u_ex.log", second, second * 100L), matched,
                            new Actor(ip, user.equals("-") ? null : user, "ua-" + ip.length()));
                });
        Arbitrary<Finding> file = Arbitraries.of("inetpub/wwwroot/aspnet_client/a.aspx",
                        "FrontEnd/HttpProxy/owa/auth/c.aspx", "other/z.aspx")
                .map(ChainFindings::fileOnDisk);
        Arbitrary<Finding> process = Combinators.combine(
                Arbitraries.integers().between(0, 7_200), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 6), Arbitraries.of("C:\\w\\w3wp.exe", "C:\\w\\cmd.exe", "explorer.exe"))
                .as((second, pid, parent, parentImage) -> ChainFindings.process(ChainFindings.SHELL_CHILD,
                        ChainFindings.T0.plusSeconds(second), parentImage, "C:\\w\\cmd.exe", pid, parent, "cmd"));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, request), net.jqwik.api.Tuple.of(1, file),
                        net.jqwik.api.Tuple.of(2, process))
                .list().ofMaxSize(40);
    }
}
