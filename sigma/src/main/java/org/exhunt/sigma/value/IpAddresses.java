package org.exhunt.sigma.value;

/**
 * Parses IPv4 and IPv6 address text into bytes without any name lookup (unlike
 * {@code InetAddress.getByName}, which may query DNS for text that is not an address).
 * Accepts dotted quads, IPv6 with {@code ::} and an embedded IPv4 tail, surrounding brackets
 * and a zone ({@code %eth0}), which is ignored.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** 4 or 16 bytes, or {@code null} when the text is not an address. */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        byte[] out = new byte[4];
        return parseV4(s, out, 0) ? out : null;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or null. */
    static byte[] unmapV4(byte[] v6) {
        if (v6.length != 16) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
            return null;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    private static boolean parseV4(String s, byte[] out, int at) {
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return false;
                }
                out[at + part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return part == 4;
    }

    private static byte[] parseV6(String s) {
        byte[] out = new byte[16];
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        byte[] h = new byte[16];
        int hn = groups(head, h, gap < 0);
        if (hn < 0) {
            return null;
        }
        if (gap < 0) {
            return hn == 16 ? h : null;
        }
        byte[] t = new byte[16];
        int tn = groups(tail, t, true);
        if (tn < 0 || hn + tn > 14) {
            return null;
        }
        System.arraycopy(h, 0, out, 0, hn);
        System.arraycopy(t, 0, out, 16 - tn, tn);
        return out;
    }

    /** Parses colon-separated groups (the last may be IPv4 when allowed); bytes written, or -1. */
    private static int groups(String s, byte[] out, boolean v4TailAllowed) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] parts = s.split(":", -1);
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4TailAllowed && p.indexOf('.') >= 0) {
                if (n + 4 > 16 || !parseV4(p, out, n)) {
                    return -1;
                }
                n += 4;
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || n + 2 > 16) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0 || p.charAt(k) > 0x7f) {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[n++] = (byte) (v >> 8);
            out[n++] = (byte) v;
        }
        return n;
    }
}
