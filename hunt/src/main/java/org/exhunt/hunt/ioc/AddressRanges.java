package org.exhunt.hunt.ioc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The CIDR indicators, arranged for a lookup per event: IPv4 ranges sorted by start with a
 * running maximum of ends, so a binary search finds the candidates even when ranges overlap.
 * IPv6 ranges are rare in published lists and are checked one by one.
 */
final class AddressRanges {

    private final long[] starts;
    private final long[] ends;
    private final long[] maxEndUpTo;
    private final Ioc[] v4;
    private final List<Ioc> v6 = new ArrayList<>();
    private final List<BigInteger[]> v6Bounds = new ArrayList<>();

    AddressRanges(List<Ioc> cidrs) {
        List<Ioc> v4List = new ArrayList<>();
        List<long[]> v4Bounds = new ArrayList<>();
        for (Ioc ioc : cidrs) {
            Cidr cidr = Cidr.parse(ioc.value());
            if (cidr == null) continue;
            if (cidr.v4()) {
                v4List.add(ioc);
                v4Bounds.add(new long[] {cidr.first().longValue(), cidr.last().longValue()});
            } else {
                v6.add(ioc);
                v6Bounds.add(new BigInteger[] {cidr.first(), cidr.last()});
            }
        }
        Integer[] order = new Integer[v4List.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong(i -> v4Bounds.get(i)[0]));
        starts = new long[order.length];
        ends = new long[order.length];
        maxEndUpTo = new long[order.length];
        v4 = new Ioc[order.length];
        long max = -1;
        for (int k = 0; k < order.length; k++) {
            starts[k] = v4Bounds.get(order[k])[0];
            ends[k] = v4Bounds.get(order[k])[1];
            v4[k] = v4List.get(order[k]);
            max = Math.max(max, ends[k]);
            maxEndUpTo[k] = max;
        }
    }

    boolean isEmpty() {
        return v4.length == 0 && v6.isEmpty();
    }

    /** The first range holding the address in canonical text form, or {@code null}. */
    Ioc find(String canonicalAddress) {
        long a = IpAddresses.parseIpv4(canonicalAddress, 0, canonicalAddress.length());
        if (a >= 0) return findV4(a);
        if (v6.isEmpty()) return null;
        byte[] bytes = IpAddresses.ipv6Bytes(canonicalAddress);
        if (bytes == null || bytes.length != 16) return null;
        BigInteger value = IpAddresses.toBigInteger(bytes);
        for (int i = 0; i < v6.size(); i++) {
            BigInteger[] b = v6Bounds.get(i);
            if (value.compareTo(b[0]) >= 0 && value.compareTo(b[1]) <= 0) return v6.get(i);
        }
        return null;
    }

    /** The first IPv4 range holding the address given as an unsigned 32-bit number, or {@code null}. */
    Ioc findV4(long a) {
        int lo = 0;
        int hi = starts.length - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= a) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int k = last; k >= 0 && maxEndUpTo[k] >= a; k--) {
            if (ends[k] >= a) return v4[k];
        }
        return null;
    }

    /** A parsed CIDR block. */
    record Cidr(boolean v4, BigInteger first, BigInteger last, int prefix) {

        /** Parses {@code address/prefix}; the host bits are masked off. {@code null} if malformed. */
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) return null;
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return null;
            }
            String address = text.substring(0, slash).trim();
            long v4 = IpAddresses.parseIpv4(address, 0, address.length());
            int bits;
            BigInteger value;
            if (v4 >= 0) {
                bits = 32;
                value = BigInteger.valueOf(v4);
            } else {
                byte[] bytes = IpAddresses.ipv6Bytes(address);
                if (bytes == null || bytes.length != 16) return null;
                bits = 128;
                value = IpAddresses.toBigInteger(bytes);
            }
            if (prefix < 0 || prefix > bits) return null;
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger first = value.andNot(hostMask);
            return new Cidr(bits == 32, first, first.or(hostMask), prefix);
        }

        String canonical() {
            if (v4) return IpAddresses.formatIpv4(first.longValue()) + "/" + prefix;
            byte[] raw = first.toByteArray();
            byte[] bytes = new byte[16];
            int copy = Math.min(16, raw.length);
            System.arraycopy(raw, raw.length - copy, bytes, 16 - copy, copy);
            try {
                return java.net.InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("16 bytes always form an IPv6 address", e);
            }
        }
    }
}
