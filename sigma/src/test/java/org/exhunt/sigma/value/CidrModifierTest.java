package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import org.junit.jupiter.api.Test;

/** cidr over IPv4 and IPv6. */
class CidrModifierTest {

    @Test
    void ipv4NetworkFromTheSpecExample() {
        FieldPredicate p = item("DestinationIp|cidr", "10.0.0.0/8");
        assertThat(p.test(TestEvent.of("DestinationIp", "10.200.3.4"))).isTrue();
        assertThat(p.test(TestEvent.of("DestinationIp", "11.0.0.1"))).isFalse();
        assertThat(p.test(TestEvent.of("DestinationIp", "not an ip"))).isFalse();
    }

    @Test
    void prefixesThatAreNotByteAligned() {
        FieldPredicate p = item("f|cidr", "172.16.0.0/12");
        assertThat(matchesF(p, "172.31.255.255")).isTrue();
        assertThat(matchesF(p, "172.32.0.0")).isFalse();
    }

    @Test
    void ipv6Networks() {
        FieldPredicate p = item("f|cidr", "2001:db8::/32");
        assertThat(matchesF(p, "2001:DB8:0:1::5")).isTrue();
        assertThat(matchesF(p, "2001:db9::1")).isFalse();
        assertThat(matchesF(item("f|cidr", "fe80::/10"), "fe80::1%eth0")).isTrue();
        assertThat(matchesF(item("f|cidr", "::1/128"), "::1")).isTrue();
    }

    @Test
    void ipv4MappedAddressMatchesIpv4Network() {
        assertThat(matchesF(item("f|cidr", "192.168.0.0/16"), "::ffff:192.168.1.7")).isTrue();
    }

    @Test
    void ipv4AddressDoesNotMatchIpv6Network() {
        assertThat(matchesF(item("f|cidr", "::/0"), "10.0.0.1")).isFalse();
    }

    @Test
    void listOfNetworksIsOr() {
        FieldPredicate p = item("f|cidr", "10.0.0.0/8", "192.168.0.0/16");
        assertThat(matchesF(p, "192.168.9.9")).isTrue();
        assertThat(matchesF(p, "8.8.8.8")).isFalse();
    }

    @Test
    void invalidNetworksAreRejected() {
        assertThat(failure("f|cidr", "10.0.0.0/33").getMessage()).contains("prefix length");
        assertThat(failure("f|cidr", "10.0.0/8").getMessage()).contains("not a CIDR network");
        assertThat(failure("f|contains|cidr", "10.0.0.0/8").getMessage()).contains("'cidr' must come before 'contains'");
    }

    @Test
    void addressParserRejectsMalformedText() {
        assertThat(IpAddresses.parse("1.2.3.256")).isNull();
        assertThat(IpAddresses.parse("1..2.3")).isNull();
        assertThat(IpAddresses.parse("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(IpAddresses.parse("1::2::3")).isNull();
        assertThat(IpAddresses.parse("::ffff:1.2.3.4")).hasSize(16);
        assertThat(IpAddresses.parse("[2001:db8::1]")).hasSize(16);
    }
}
