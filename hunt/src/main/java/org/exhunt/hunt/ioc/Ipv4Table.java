package org.exhunt.hunt.ioc;

import java.util.Collection;

/**
 * IPv4 address indicators keyed by the address as a number, in an open-addressing table: every
 * event's client address is looked up here, and a miss must cost neither a String nor a box.
 */
final class Ipv4Table {

    private final long[] keys;
    private final Ioc[] values;
    private final int mask;

    /** Indexes the IPv4 entries among {@code iocs} (canonical address text); others are ignored. */
    Ipv4Table(Collection<Ioc> iocs) {
        int size = 16;
        while (size < iocs.size() * 2) size <<= 1;
        keys = new long[size];
        values = new Ioc[size];
        mask = size - 1;
        for (Ioc ioc : iocs) {
            long a = IpAddresses.parseIpv4(ioc.value(), 0, ioc.value().length());
            if (a >= 0) put(a, ioc);
        }
    }

    private void put(long address, Ioc ioc) {
        int i = slot(address);
        while (values[i] != null) {
            if (keys[i] == address) return; // the first entry for an address wins, as in the list order
            i = (i + 1) & mask;
        }
        keys[i] = address;
        values[i] = ioc;
    }

    /** The indicator for an address (an unsigned 32-bit number), or {@code null}. */
    Ioc get(long address) {
        int i = slot(address);
        Ioc v;
        while ((v = values[i]) != null) {
            if (keys[i] == address) return v;
            i = (i + 1) & mask;
        }
        return null;
    }

    private int slot(long address) {
        long h = address * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
