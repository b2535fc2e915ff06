package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.junit.jupiter.api.Test;

class IocMatcherTest {

    private static final IocSet SET = IocSet.parse("test-list.tsv", String.join("\n",
            "#! tags: attack.initial-access attack.t1190",
            "ip\t203.0.113.7",
            "ip\t2001:db8::5",
            "cidr\t198.51.100.0/24",
            "cidr\t198.51.0.0/16",
            "cidr\t2001:db8:ff::/48",
            "user-agent\tDuckDuckBot/1.0; (+http://duckduckgo.com/duckduckbot.html)",
            "user-agent\tantSword/v2.1",
            "uri-path\t/aspnet_client/system_web/log.aspx",
            "uri-path\tOutlookEN.aspx"));
    private final IocMatcher matcher = SET.matcher();

    @Test
    void findsAListedAddressWithActorAndProvenance() {
        List<Finding> found = matcher.match(TestEvent.of("c-ip", "203.0.113.7", "cs-username", "-x",
                "cs-user-agent", "curl/7.1", "cs-uri-stem", "/owa/"));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.engine()).isEqualTo("ioc");
            assertThat(f.rule().id()).isEqualTo("ioc:test-list");
            assertThat(f.level()).isEqualTo(Level.HIGH);
            assertThat(f.rule().tags()).contains("attack.t1190", "exhunt.outcome.attempt");
            assertThat(f.matched()).containsEntry("c-ip", "203.0.113.7").containsEntry("ioc", "ip 203.0.113.7");
            assertThat(f.actor().ip()).isEqualTo("203.0.113.7");
            assertThat(f.actor().userAgent()).isEqualTo("curl/7.1");
            assertThat(f.source().line()).isEqualTo(42);
            assertThat(f.time()).isNotNull();
        });
    }

    @Test
    void normalisesAddressesAsLogsWriteThem() {
        assertThat(matcher.match(TestEvent.of("c-ip", "203.0.113.7:51123"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("c-ip", "[2001:DB8:0::5]"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("c-ip", "::ffff:203.0.113.7"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("c-ip", "203.0.113.8"))).isEmpty();
        assertThat(matcher.match(TestEvent.of("c-ip", "not-an-address"))).isEmpty();
    }

    @Test
    void findsAddressesInsideRangesIncludingOverlappingOnes() {
        assertThat(matcher.match(TestEvent.of("c-ip", "198.51.100.200"))).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo(Level.MEDIUM));
        assertThat(matcher.match(TestEvent.of("c-ip", "198.51.7.1"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("c-ip", "198.52.0.1"))).isEmpty();
        assertThat(matcher.match(TestEvent.of("c-ip", "2001:db8:ff:1::9"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("c-ip", "2001:db8:fe::9"))).isEmpty();
    }

    @Test
    void matchesUserAgentsWhetherSpacesWereLoggedAsPlusOrNot() {
        String iis = "DuckDuckBot/1.0;+(+http://duckduckgo.com/duckduckbot.html)";
        String proxy = "DuckDuckBot/1.0; (+http://duckduckgo.com/duckduckbot.html)";
        assertThat(matcher.match(TestEvent.of("cs-user-agent", iis))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("cs-user-agent", proxy))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("cs-user-agent", "Mozilla/5.0 ANTSWORD/V2.1 x"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("cs-user-agent", "Mozilla/5.0 (Windows NT 10.0)"))).isEmpty();
    }

    @Test
    void aListedAgentIsAVerdictNeutralHintOnGetAndAnAttemptOnPost() {
        Finding get = matcher.match(TestEvent.of("cs-user-agent", "antSword/v2.1", "cs-method", "GET")).get(0);
        Finding post = matcher.match(TestEvent.of("cs-user-agent", "antSword/v2.1", "cs-method", "POST")).get(0);
        assertThat(get.level()).isEqualTo(Level.LOW);
        assertThat(get.rule().tags()).contains("attack.t1190").noneMatch(t -> t.startsWith("exhunt.outcome."));
        assertThat(post.level()).isEqualTo(Level.MEDIUM);
        assertThat(post.rule().tags()).contains("exhunt.outcome.attempt");
    }

    @Test
    void aWebShellPathAnsweredWith200IsCriticalPostExploitation() {
        Finding hit = matcher.match(TestEvent.of("cs-method", "POST",
                "cs-uri-stem", "/aspnet_client/System_Web/LOG.aspx", "sc-status", "200")).get(0);
        assertThat(hit.level()).isEqualTo(Level.CRITICAL);
        assertThat(hit.rule().tags()).contains("exhunt.outcome.post-exploitation").doesNotContain("exhunt.outcome.attempt");
        assertThat(hit.matched()).containsEntry("cs-uri-stem", "/aspnet_client/System_Web/LOG.aspx");

        Finding probe = matcher.match(TestEvent.of("cs-uri-stem", "/aspnet_client/system_web/log.aspx", "sc-status", "404")).get(0);
        assertThat(probe.level()).isEqualTo(Level.MEDIUM);
        assertThat(probe.rule().tags()).contains("exhunt.outcome.recon");
    }

    @Test
    void anInternalScannerMissingAKnownShellIsAHintNotReconnaissance() {
        for (String internal : new String[] {"10.1.2.3", "172.20.0.9", "192.168.7.7", "127.0.0.1", "fd00::5"}) {
            Finding probe = matcher.match(TestEvent.of("c-ip", internal,
                    "cs-uri-stem", "/aspnet_client/system_web/log.aspx", "sc-status", "404")).get(0);
            assertThat(probe.level()).as(internal).isEqualTo(Level.LOW);
            assertThat(probe.rule().tags()).as(internal).noneMatch(t -> t.startsWith("exhunt.outcome."));
        }
        Finding outside = matcher.match(TestEvent.of("c-ip", "172.32.0.1",
                "cs-uri-stem", "/aspnet_client/system_web/log.aspx", "sc-status", "404")).get(0);
        assertThat(outside.level()).isEqualTo(Level.MEDIUM);
        Finding answered = matcher.match(TestEvent.of("c-ip", "10.1.2.3",
                "cs-uri-stem", "/aspnet_client/system_web/log.aspx", "sc-status", "200")).get(0);
        assertThat(answered.level()).as("a shell that answers is critical from anywhere").isEqualTo(Level.CRITICAL);
    }

    @Test
    void aPathMatchesOnlyAsTheWholeEndOfTheRequestedPath() {
        assertThat(matcher.match(TestEvent.of("cs-uri-stem", "/owa/auth/OutlookEN.aspx", "sc-status", "200"))).hasSize(1);
        assertThat(matcher.match(TestEvent.of("cs-uri-stem", "/owa/auth/myOutlookEN.aspx", "sc-status", "200"))).isEmpty();
        assertThat(matcher.match(TestEvent.of("cs-uri-stem", "/owa/auth/OutlookEN.aspx.bak", "sc-status", "200"))).isEmpty();
        assertThat(matcher.match(TestEvent.of("cs-uri-stem", "/x/aspnet_client/system_web/log.aspx"))).hasSize(1);
    }

    @Test
    void fallsBackToTheLoggedUrlWhenThereIsNoStem() {
        assertThat(matcher.match(TestEvent.of("cs-uri", "https://mail.example.org/owa/auth/OutlookEN.aspx?x=1")))
                .singleElement().satisfies(f -> assertThat(f.matched()).containsKey("cs-uri"));
    }

    @Test
    void anEventWithoutAnyIndicatorYieldsNothing() {
        assertThat(matcher.match(TestEvent.of("c-ip", "192.0.2.44", "cs-user-agent", "Microsoft Office/16.0",
                "cs-uri-stem", "/owa/service.svc", "sc-status", "200"))).isEmpty();
        assertThat(matcher.match(TestEvent.of())).isEmpty();
    }

    @Test
    void reportsOneFindingPerListAndFieldEvenWhenSeveralEntriesMatch() {
        IocSet set = IocSet.parse("ua.tsv", "user-agent\tpython-requests\nuser-agent\tpython-requests/2.25.1");
        assertThat(set.matcher().match(TestEvent.of("cs-user-agent", "python-requests/2.25.1")))
                .singleElement().satisfies(f -> assertThat(f.matched()).containsEntry("ioc", "user-agent python-requests/2.25.1"));
    }
}
