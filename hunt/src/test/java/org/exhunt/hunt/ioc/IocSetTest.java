package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IocSetTest {

    @Test
    void readsEveryKindOfEntryWithDescriptionAndReference() {
        IocSet set = IocSet.parse("lists/demo.tsv", String.join("\n",
                "# a comment",
                "#! title: Demo list",
                "#! tags: attack.initial-access attack.t1190",
                "",
                "ip\t203.0.113.7\tscanner\thttps://example.org/a",
                "cidr\t198.51.100.77/24\trange",
                "user-agent\tEvilAgent/1.0",
                "uri-path\tC:\\inetpub\\wwwroot\\aspnet_client\\Shell.aspx",
                "uri-path\t/owa/auth/OutlookEN.aspx",
                "sha256\t" + "AB".repeat(32),
                "domain\tBad.Example.com."));

        assertThat(set.problems()).isEmpty();
        assertThat(set.entries()).extracting(Ioc::value).containsExactly(
                "203.0.113.7", "198.51.100.0/24", "EvilAgent/1.0", "/aspnet_client/shell.aspx",
                "/owa/auth/outlooken.aspx", "ab".repeat(32), "bad.example.com");
        Ioc first = set.entries().get(0);
        assertThat(first.description()).isEqualTo("scanner");
        assertThat(first.reference()).isEqualTo("https://example.org/a");
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.list().ruleId()).isEqualTo("ioc:demo");
        assertThat(first.list().title()).isEqualTo("Demo list");
        assertThat(first.list().tags()).containsExactly("attack.initial-access", "attack.t1190");
    }

    @Test
    void reportsEachBadLineWithFileLineAndReasonAndKeepsTheRest() {
        IocSet set = IocSet.parse("bad.tsv", String.join("\n",
                "ip\t999.1.1.1",
                "no tab here",
                "colour\tred",
                "cidr\t10.0.0.0/33",
                "user-agent\tab",
                "sha256\t1234",
                "ip\t192.0.2.1",
                "ip\t192.0.2.1",
                "#! colour: red",
                "domain\tnot a domain"));

        assertThat(set.entries()).extracting(Ioc::value).containsExactly("192.0.2.1");
        assertThat(set.problems()).extracting(IocProblem::toString).containsExactly(
                "bad.tsv:1: '999.1.1.1' is not an IPv4 or IPv6 address",
                "bad.tsv:2: expected 'type<TAB>value[<TAB>description[<TAB>reference]]', found no tab",
                "bad.tsv:3: unknown type 'colour' (expected ip, cidr, user-agent, uri-path, sha256, sha1, md5 or domain)",
                "bad.tsv:4: '10.0.0.0/33' is not a CIDR range like 203.0.113.0/24 or 2001:db8::/32",
                "bad.tsv:5: user agent 'ab' is shorter than 4 characters and would match almost anything",
                "bad.tsv:6: sha256 must be 64 hex digits, found 4 characters",
                "bad.tsv:9: unknown directive 'colour' (known: name, title, tags)",
                "bad.tsv:10: 'not a domain' is not a domain name",
                "bad.tsv:8: duplicate of line 7 (ip 192.0.2.1)");
    }

    @Test
    void namesTheListAfterItsFileUnlessANameLineSaysOtherwise() {
        assertThat(IocSet.parse("x/feed-a.tsv", "ip\t192.0.2.1").lists().get(0).ruleId()).isEqualTo("ioc:feed-a");
        assertThat(IocSet.parse("x/feed-a.tsv", "#! name: other\nip\t192.0.2.1").lists().get(0).ruleId())
                .isEqualTo("ioc:other");
    }

    @Test
    void loadsEveryListBelowAFolderAndReportsAMissingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.tsv"), "ip\t192.0.2.2\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.tsv"), "ip\t192.0.2.1\n");
        Files.writeString(dir.resolve("notes.txt"), "ip\t192.0.2.3\n");

        IocSet set = IocSet.load(dir);
        assertThat(set.entries()).extracting(Ioc::value).containsExactly("192.0.2.2", "192.0.2.1");

        IocSet missing = IocSet.load(dir.resolve("absent.tsv"));
        assertThat(missing.entries()).isEmpty();
        assertThat(missing.problems()).singleElement().asString()
                .startsWith(dir.resolve("absent.tsv") + ":0: cannot read IOC list");
    }

    @Test
    void literalsGiveUserAgentsInBothSpaceAndPlusForm() {
        IocSet set = IocSet.parse("l.tsv", "user-agent\tBad Bot/1.0\nip\t192.0.2.1");
        assertThat(set.literals()).containsExactly("Bad Bot/1.0", "Bad+Bot/1.0", "192.0.2.1");
    }

    @Test
    void builtInListsLoadWithoutProblemsAndCarryThePublishedValues() {
        IocSet set = IocSet.builtIn();
        assertThat(set.problems()).isEmpty();
        assertThat(set.lists()).extracting(IocList::ruleId).contains(
                "ioc:hafnium-2021-ips", "ioc:hafnium-2021-webshell-paths", "ioc:hafnium-2021-user-agents");
        assertThat(set.entries(IocType.IP)).extracting(Ioc::value).contains("103.77.192.219", "91.192.103.43");
        assertThat(set.entries(IocType.URI_PATH)).extracting(Ioc::value)
                .contains("/aspnet_client/system_web/log.aspx", "/aspnet_client/outlooken.aspx");
        for (IocList list : set.lists()) {
            assertThat(list.tags()).as(list.ruleId()).anyMatch(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"));
        }
    }
}
