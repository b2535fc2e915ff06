package org.exhunt.sigma.value;

import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * The {@code cidr} modifier: the field holds an IPv4 or IPv6 address inside the given network.
 * An IPv4-mapped IPv6 address (::ffff:10.1.2.3, as IIS may log it) also matches IPv4 networks.
 * A field that is not an address never matches.
 */
final class CidrMatcher implements ValueMatcher {
    private final byte[] network;
    private final int prefix;

    private CidrMatcher(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    static CidrMatcher parse(String cidr) throws ValueException {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new ValueException("'" + cidr + "' is not a CIDR network (expected e.g. 10.0.0.0/8 or 2001:db8::/32)");
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = s.substring(slash + 1);
            try {
                prefix = Integer.parseInt(bits);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max || bits.isEmpty() || !bits.chars().allMatch(Character::isDigit)) {
                throw new ValueException("'" + cidr + "' has an invalid prefix length; expected 0 to " + max);
            }
        }
        return new CidrMatcher(address, prefix);
    }

    @Override
    public boolean matches(Object value, SigmaEvent event, String field) {
        if (!(value instanceof String s)) {
            return false;
        }
        byte[] address = IpAddresses.parse(s);
        if (address == null) {
            return false;
        }
        if (address.length != network.length) {
            address = network.length == 4 ? IpAddresses.unmapV4(address) : null;
            if (address == null) {
                return false;
            }
        }
        return inNetwork(address);
    }

    private boolean inNetwork(byte[] address) {
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public Set<String> literals() {
        return null;
    }
}
