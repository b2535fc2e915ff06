package org.exhunt.hunt.intel;

import java.util.Locale;

/** The host of a URL as feeds write them (possibly without a scheme, with user info, port, IPv6 brackets). */
final class UrlHost {

    private UrlHost() {
    }

    /** The lower-cased host, without brackets or port, or {@code null} if there is none. */
    static String of(String url) {
        String s = url.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) s = s.substring(scheme + 3);
        int end = s.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        if (at >= 0) s = s.substring(at + 1);
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close > 1 ? s.substring(1, close).toLowerCase(Locale.ROOT) : null;
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) s = s.substring(0, colon);
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
