package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AddressRangesProperties {

    record Block(long start, int prefix) {
        long first() {
            return start & ~((1L << (32 - prefix)) - 1) & 0xffffffffL;
        }

        long last() {
            return first() + (1L << (32 - prefix)) - 1;
        }

        String text() {
            return IpAddresses.formatIpv4(start) + "/" + prefix;
        }
    }

    @Property
    void anAddressIsFoundExactlyWhenSomeRangeHoldsIt(@ForAll("blocks") List<Block> blocks, @ForAll("addresses") long address) {
        List<Ioc> iocs = new ArrayList<>();
        IocList list = new IocList("p", "p", List.of(), "p");
        for (Block b : blocks) {
            iocs.add(new Ioc(IocType.CIDR, AddressRanges.Cidr.parse(b.text()).canonical(), "", "", list, 1));
        }
        AddressRanges ranges = new AddressRanges(iocs);
        boolean expected = blocks.stream().anyMatch(b -> b.first() <= address && address <= b.last());

        Ioc found = ranges.find(IpAddresses.formatIpv4(address));

        assertThat(found != null).isEqualTo(expected);
        if (found != null) {
            AddressRanges.Cidr cidr = AddressRanges.Cidr.parse(found.value());
            assertThat(cidr.first().longValue()).isLessThanOrEqualTo(address);
            assertThat(cidr.last().longValue()).isGreaterThanOrEqualTo(address);
        }
    }

    @Provide
    Arbitrary<List<Block>> blocks() {
        // A narrow address space so that ranges overlap and addresses land in them often.
        Arbitrary<Long> start = Arbitraries.longs().between(0x0A000000L, 0x0A00FFFFL);
        Arbitrary<Integer> prefix = Arbitraries.integers().between(16, 32);
        return Combinators.combine(start, prefix).as(Block::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Long> addresses() {
        return Arbitraries.longs().between(0x09FFFF00L, 0x0A0100FFL);
    }
}
