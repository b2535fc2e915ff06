package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.chain.ChainFindings.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain;
import org.junit.jupiter.api.Test;

/**
 * Chain building over a scan's worth of findings: every link is a hash lookup or a binary search,
 * so 200,000 findings are correlated in about the time it takes to sort them. The run prints its
 * times (n and 4n) for the record; it asserts what the chains must hold, not how fast they came.
 */
class ChainScaleTest {

    private static List<Finding> findings(int n) {
        List<Finding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String ip = "10." + (i % 50) + "." + (i / 50 % 200) + ".1";
            switch (i % 10) {
                case 0 -> out.add(request(SHELL_USE, T0.plusSeconds(i), ip, "/aspnet_client/s" + (i % 997) + ".aspx", 200));
                case 1 -> out.add(process(SHELL_CHILD, T0.plusSeconds(i), "C:\\w\\w3wp.exe", "C:\\w\\cmd.exe",
                        i, 7, "cmd /c whoami"));
                case 2 -> out.add(fileOnDisk("inetpub/wwwroot/aspnet_client/s" + (i % 1_201) + ".aspx"));
                case 3 -> out.add(byAccount(SSRF, T0.plusSeconds(i), ip, "user" + (i % 3_000)));
                default -> out.add(request(PROBE, T0.plusSeconds(i), ip, "/owa/auth/x" + (i % 5) + ".js", 404));
            }
        }
        return out;
    }

    @Test
    void twoHundredThousandFindingsGiveChainsThatAccountForEveryAddressOnce() {
        List<Finding> small = findings(50_000);
        List<Finding> large = findings(200_000);
        ChainBuilder builder = ChainBuilder.standard();
        builder.build(small); // warm-up

        long t0 = System.nanoTime();
        builder.build(small);
        long t1 = System.nanoTime();
        List<ActorChain> chains = builder.build(large);
        long t2 = System.nanoTime();
        System.out.printf("chains: 50,000 findings in %d ms, 200,000 in %d ms (%d chains)%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, chains.size());

        Set<String> addresses = new HashSet<>();
        for (Finding f : large) if (f.actor().ip() != null) addresses.add(f.actor().ip());
        List<String> listed = new ArrayList<>();
        chains.forEach(c -> listed.addAll(c.addresses()));
        assertThat(listed).hasSameSizeAs(addresses).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(chains.stream().mapToLong(ActorChain::findings).sum()).isEqualTo(large.size());
    }
}
