package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The client-address lookup (numeric for dotted quads, textual otherwise) agrees with a naive
 * matcher that canonicalises the logged text and compares it with every indicator in turn.
 */
class AddressLookupProperties {

    @Property
    void aLoggedAddressHitsExactlyWhenANaiveComparisonFindsAnIndicator(
            @ForAll("addressLists") List<String> listed, @ForAll("cidrLists") List<String> cidrs,
            @ForAll("loggedAddresses") String logged) {
        StringBuilder text = new StringBuilder();
        for (String a : listed) text.append("ip\t").append(a).append('\n');
        for (String c : cidrs) text.append("cidr\t").append(c).append('\n');
        IocSet set = IocSet.parse("addresses.tsv", text.toString());
        IocMatcher matcher = set.matcher();

        boolean expected = naiveHit(set, logged);
        assertThat(matcher.match(TestEvent.of("c-ip", logged))).hasSize(expected ? 1 : 0);
    }

    @Property
    void aNumericTableFindsEveryIndicatorItWasGivenAndNothingElse(
            @ForAll("addressLists") List<String> listed, @ForAll("quads") String probe) {
        StringBuilder text = new StringBuilder();
        for (String a : listed) text.append("ip\t").append(a).append('\n');
        IocSet set = IocSet.parse("addresses.tsv", text.toString());
        Ipv4Table table = new Ipv4Table(set.entries());
        long number = IpAddresses.parseIpv4(probe, 0, probe.length());
        Ioc found = table.get(number);
        boolean listedHere = set.entries().stream().anyMatch(i -> i.value().equals(IpAddresses.canonical(probe)));
        assertThat(found != null).isEqualTo(listedHere);
        if (found != null) assertThat(found.value()).isEqualTo(IpAddresses.canonical(probe));
    }

    private static boolean naiveHit(IocSet set, String logged) {
        String canonical = IpAddresses.canonical(logged);
        if (canonical == null) return false;
        long v4 = IpAddresses.parseIpv4(canonical, 0, canonical.length());
        for (Ioc ioc : set.entries()) {
            if (ioc.type() == IocType.IP && ioc.value().equals(canonical)) return true;
            if (ioc.type() == IocType.CIDR && v4 >= 0) {
                AddressRanges.Cidr c = AddressRanges.Cidr.parse(ioc.value());
                if (c != null && c.v4() && c.first().longValue() <= v4 && v4 <= c.last().longValue()) return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<String> quads() {
        // A narrow space so that listed and logged addresses often coincide.
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 3);
        return Combinators.combine(small, small, small, small).as((a, b, c, d) -> "10." + a + "." + b + "." + (c * 4 + d));
    }

    @Provide
    Arbitrary<List<String>> addressLists() {
        return quads().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> cidrLists() {
        return Combinators.combine(quads(), Arbitraries.integers().between(24, 32))
                .as((q, p) -> q + "/" + p).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> loggedAddresses() {
        // How logs write addresses: plain, with a port, zero-padded, mapped into IPv6, padded with blanks.
        return Arbitraries.oneOf(
                quads(),
                quads().map(q -> q + ":51123"),
                quads().map(q -> q.replace(".", ".0")),
                quads().map(q -> "::ffff:" + q),
                quads().map(q -> " " + q + " "),
                Arbitraries.of("not-an-address", "10.0.0", "10.0.0.256", "2001:db8::1"));
    }
}
