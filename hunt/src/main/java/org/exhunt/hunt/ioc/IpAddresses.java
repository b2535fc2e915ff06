package org.exhunt.hunt.ioc;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parsing and normalising of IP address text without ever touching DNS: a value that is not an
 * address literal is rejected, never looked up.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** As {@link #parseIpv4(CharSequence, int, int)}, over ASCII bytes. */
    static long parseIpv4(byte[] s, int from, int to) {
        long result = 0;
        int parts = 0;
        int value = -1;
        for (int i = from; i < to; i++) {
            int c = s[i];
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return -1;
            } else if (c == '.') {
                if (value < 0 || parts == 3) return -1;
                result = (result << 8) | value;
                parts++;
                value = -1;
            } else {
                return -1;
            }
        }
        if (value < 0 || parts != 3) return -1;
        return (result << 8) | value;
    }

    /**
     * The IPv4 address as an unsigned 32-bit number, or -1 if {@code s[from,to)} is not a dotted
     * quad. Off the per-event path (that one reads bytes), so a copy costs nothing that matters;
     * a character outside Latin-1 becomes '?', which is no digit either.
     */
    static long parseIpv4(CharSequence s, int from, int to) {
        return parseIpv4(s.subSequence(from, to).toString().getBytes(StandardCharsets.ISO_8859_1), 0, to - from);
    }

    /**
     * Whether an address (as {@link #canonical} reads it) is internal: RFC 1918, loopback,
     * link-local, or IPv6 unique-local. Internal clients probing for web shells are the
     * organisation's own scanners far more often than attackers.
     */
    static boolean isInternal(String text) {
        String c = canonical(text);
        if (c == null) return false;
        long v4 = parseIpv4(c, 0, c.length());
        if (v4 >= 0) {
            long a = v4 >>> 24;
            long b = (v4 >>> 16) & 0xff;
            return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254);
        }
        byte[] v6 = ipv6Bytes(c);
        if (v6 == null || v6.length != 16) return false;
        boolean loopback = true;
        for (int i = 0; i < 15; i++) loopback &= v6[i] == 0;
        loopback &= v6[15] == 1;
        return loopback || (v6[0] & 0xfe) == 0xfc || ((v6[0] & 0xff) == 0xfe && (v6[1] & 0xc0) == 0x80);
    }

    static String formatIpv4(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /**
     * The canonical text of an address as it may appear in a log ({@code 1.2.3.4},
     * {@code 1.2.3.4:51234}, {@code [2001:db8::1]}, {@code ::ffff:1.2.3.4}), or {@code null}
     * when the text is not an address.
     */
    static String canonical(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.isEmpty()) return null;
        long v4 = parseIpv4(s, 0, s.length());
        if (v4 >= 0) return formatIpv4(v4);
        int colon = s.indexOf(':');
        if (colon > 0 && s.indexOf(':', colon + 1) < 0) {
            // "1.2.3.4:port" as some proxies log it
            v4 = parseIpv4(s, 0, colon);
            return v4 >= 0 ? formatIpv4(v4) : null;
        }
        byte[] bytes = ipv6Bytes(s);
        if (bytes == null) return null;
        if (bytes.length == 4) return formatIpv4(toBigInteger(bytes).longValue());
        try {
            return InetAddress.getByAddress(bytes).getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The address bytes of an IPv6 literal (4 bytes for an IPv4-mapped one), or {@code null}. */
    static byte[] ipv6Bytes(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        if (s.indexOf(':') < 0 || s.length() > 45) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!ok) return null;
        }
        try {
            // A string of hex digits and colons is parsed as a literal: no name lookup happens.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static BigInteger toBigInteger(byte[] bytes) {
        return new BigInteger(1, bytes);
    }
}
