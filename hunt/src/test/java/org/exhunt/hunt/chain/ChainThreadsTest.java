package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.chain.ChainFindings.*;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain;
import org.junit.jupiter.api.Test;

/** Reading the findings' keys and tallying a chain on several threads changes nothing in the chains. */
class ChainThreadsTest {

    /** Enough findings that every thread gets a range of its own, of every kind the chains tie together. */
    private static List<Finding> findings() {
        int n = 4 * ChainBuilder.MIN_KEYS_PER_THREAD + 17;
        List<Finding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String ip = "10." + (i % 40) + "." + (i / 40 % 100) + ".1";
            switch (i % 6) {
                case 0 -> out.add(request(SHELL_USE, T0.plusSeconds(i / 7), ip, "/aspnet_client/s" + (i % 97) + ".aspx", 200));
                case 1 -> out.add(process(SHELL_CHILD, T0.plusSeconds(i / 7), "C:\\w\\w3wp.exe", "C:\\w\\cmd.exe",
                        i, 7, "cmd /c whoami"));
                case 2 -> out.add(fileOnDisk("inetpub/wwwroot/aspnet_client/s" + (i % 101) + ".aspx"));
                case 3 -> out.add(byAccount(SSRF, T0.plusSeconds(i / 7), ip, "user" + (i % 300)));
                default -> out.add(request(PROBE, T0.plusSeconds(i / 7), ip, "/owa/auth/x" + (i % 5) + ".js", 404));
            }
        }
        return out;
    }

    @Test
    void chainsBuiltOnSeveralThreadsEqualThoseBuiltOnOne() {
        List<Finding> findings = findings();

        List<ActorChain> one = ChainBuilder.standard().build(findings);
        List<ActorChain> three = ChainBuilder.standard().threads(3).build(findings);

        assertThat(one).hasSizeGreaterThan(1);
        assertThat(three).isEqualTo(one);
    }

    @Test
    void oneLargeChainTalliedInRangesEqualsItTalliedWhole() {
        List<Finding> findings = findings();
        Keys[] keys = new Keys[findings.size()];
        String[] shellPaths = new String[findings.size()];
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Keys.of(findings.get(i));
            shellPaths[i] = i % 6 == 0 ? keys[i].uri : null;
            members.add(i);
        }

        ActorChain whole = new ChainAssembler(ids -> List.of(), 1).assemble(findings, keys, shellPaths, members, false);
        ActorChain inRanges = new ChainAssembler(ids -> List.of(), 3).assemble(findings, keys, shellPaths, members, false);

        assertThat(whole.steps()).hasSizeGreaterThan(100);
        assertThat(whole.accounts()).hasSizeGreaterThan(10);
        assertThat(inRanges).isEqualTo(whole);
    }
}
