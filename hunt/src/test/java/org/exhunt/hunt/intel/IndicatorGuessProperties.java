package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The plain-list type guesser: each shape of value is taken for what it is, and only for that. */
class IndicatorGuessProperties {

    @Property
    void dotted_quads_are_addresses_also_when_defanged(@ForAll("ipv4s") String ip) {
        assertThat(IndicatorGuess.guess(ip)).isEqualTo(Kind.IP);
        assertThat(IndicatorGuess.guess(IndicatorGuess.refang(ip.replace(".", "[.]")))).isEqualTo(Kind.IP);
    }

    @Property
    void addresses_with_a_prefix_length_are_ranges(@ForAll("ipv4s") String ip, @ForAll("prefixes") int prefix) {
        assertThat(IndicatorGuess.guess(ip + "/" + prefix)).isEqualTo(Kind.CIDR);
    }

    @Property
    void hex_runs_are_hashes_by_their_length(@ForAll("hex") String hex) {
        Kind expected = switch (hex.length()) {
            case 32 -> Kind.MD5;
            case 40 -> Kind.SHA1;
            case 64 -> Kind.SHA256;
            default -> null;
        };
        assertThat(IndicatorGuess.guess(hex)).isEqualTo(expected);
    }

    @Property
    void host_names_under_a_top_level_domain_are_domains_and_never_addresses(@ForAll("domains") String domain) {
        assertThat(IndicatorGuess.guess(domain)).isEqualTo(Kind.DOMAIN);
        assertThat(IndicatorGuess.guess("https://" + domain + "/x?y=1")).isEqualTo(Kind.URL);
        assertThat(UrlHost.of("https://user@" + domain + ":8443/x")).isEqualTo(domain);
    }

    @Property
    void windows_paths_and_web_shell_names_are_files(@ForAll("names") String name) {
        assertThat(IndicatorGuess.guess("C:\\inetpub\\wwwroot\\aspnet_client\\" + name + ".aspx")).isEqualTo(Kind.FILE);
        assertThat(IndicatorGuess.guess(name + ".aspx")).isEqualTo(Kind.FILE);
        assertThat(IndicatorGuess.guess("/owa/auth/" + name + ".aspx")).isEqualTo(Kind.FILE);
    }

    @Property
    void words_without_a_dot_slash_or_colon_are_no_indicator(@ForAll("names") String word) {
        // A lone word is neither a hash (hex runs of 32, 40, 64 only) nor anything else.
        String w = word + "g";
        assertThat(IndicatorGuess.guess(w)).isNull();
    }

    @Provide
    Arbitrary<String> ipv4s() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    @Provide
    Arbitrary<Integer> prefixes() {
        return Arbitraries.integers().between(0, 32);
    }

    @Provide
    Arbitrary<String> hex() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(70);
    }

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> tld = Arbitraries.of("com", "net", "org", "ru", "info", "xyz", "cn", "top");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld)
                .as((List<String> labels, String t) -> String.join(".", labels) + "." + t);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(1).ofMaxLength(16);
    }
}
