package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.w3c.W3cReader;
import org.junit.jupiter.api.Test;

/**
 * The matcher on events a reader hands out, whose fields it reads in place: the byte fast path
 * must find exactly what the text path finds, however often an address repeats.
 */
class IocMatcherOnReadEventsTest {

    private static final IocSet SET = IocSet.parse("test-list.tsv", String.join("\n",
            "ip\t203.0.113.7",
            "ip\t2001:db8::5",
            "cidr\t2001:db8:ff::/48",
            "uri-path\t/aspnet_client/system_web/log.aspx"));
    private static final String HEAD = "#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status\n";

    private static List<String> addressesFound(String lines) {
        IocMatcher matcher = SET.matcher();
        List<String> found = new ArrayList<>();
        new W3cReader().read(MemoryFile.utf8("u_ex210303.log", HEAD + lines), e -> {
            for (Finding f : matcher.match(e)) found.add(e.source().line() + " " + f.matched().get("c-ip"));
        });
        return found;
    }

    @Test
    void anIpv6AddressSeenBeforeWithoutAHitStillLetsListedOnesThrough() {
        String lines = "2021-03-03 02:21:44 GET /owa/ - ::1 AMProbe 200\n"
                + "2021-03-03 02:21:45 GET /owa/ - ::1 AMProbe 200\n"
                + "2021-03-03 02:21:46 GET /owa/ - 2001:DB8:0::5 curl 200\n"
                + "2021-03-03 02:21:47 GET /owa/ - ::1 AMProbe 200\n"
                + "2021-03-03 02:21:48 GET /owa/ - 2001:db8:ff::9 curl 200\n"
                + "2021-03-03 02:21:49 GET /owa/ - ::ffff:203.0.113.7 curl 200\n"
                + "2021-03-03 02:21:50 GET /owa/ - 2001:db8:ff::9 curl 200\n";
        assertThat(addressesFound(lines)).containsExactly(
                "4 2001:DB8:0::5", "6 2001:db8:ff::9", "7 ::ffff:203.0.113.7", "8 2001:db8:ff::9");
    }

    @Test
    void aRepeatedUnlistedIpv6AddressStillHasItsOtherFieldsChecked() {
        String lines = "2021-03-03 02:21:44 GET /owa/ - ::1 AMProbe 200\n"
                + "2021-03-03 02:21:45 GET /aspnet_client/system_web/log.aspx - ::1 curl 200\n";
        IocMatcher matcher = SET.matcher();
        List<String> found = new ArrayList<>();
        new W3cReader().read(MemoryFile.utf8("u_ex210303.log", HEAD + lines), e -> {
            for (Finding f : matcher.match(e)) found.add(f.matched().get("ioc").toString());
        });
        assertThat(found).containsExactly("uri-path /aspnet_client/system_web/log.aspx");
    }
}
