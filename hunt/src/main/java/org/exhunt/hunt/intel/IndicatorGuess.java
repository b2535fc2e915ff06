package org.exhunt.hunt.intel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses what a bare value in a plain list is: address, range, hash, URL, file path or name,
 * or domain. Plain lists (one indicator per line) say nothing about their types, so the value's
 * shape must. A name whose last label is a common file extension ({@code shell.aspx}) is taken
 * for a file, not a domain: in the lists this tool reads, web-shell names are far more common
 * than domains under such top-level domains.
 */
final class IndicatorGuess {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z][a-z0-9-]*[a-z0-9]");
    /** A path under an environment variable, {@code %TEMP%\\x.exe}. */
    private static final Pattern ENV_PATH = Pattern.compile("%\\w+%[\\\\/]");
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.+");
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "aspx", "asp", "ashx", "asmx", "asax", "ascx", "axd", "cshtml", "config", "php", "jsp", "jspx",
            "exe", "dll", "sys", "ps1", "psm1", "bat", "cmd", "vbs", "js", "hta", "lnk", "scr",
            "zip", "rar", "7z", "cab", "gz", "tar", "log", "txt", "dat", "tmp", "bin", "dmp", "ini", "xml",
            "css", "gif", "png", "jpg", "eot", "ttf", "flt");

    private IndicatorGuess() {
    }

    /** The kind of a (refanged, trimmed) value, or {@code null} when its shape says nothing. */
    static Kind guess(String value) {
        String v = value.trim();
        if (v.isEmpty()) return null;
        if (HEX.matcher(v).matches()) {
            return switch (v.length()) {
                case 64 -> Kind.SHA256;
                case 40 -> Kind.SHA1;
                case 32 -> Kind.MD5;
                default -> null;
            };
        }
        int slash = v.indexOf('/');
        if (slash > 0 && isAddress(v.substring(0, slash)) && v.substring(slash + 1).matches("\\d{1,3}")) {
            return Kind.CIDR;
        }
        if (isAddress(v) || isAddress(FeedDraft.withoutPort(v))) return Kind.IP;
        if (SCHEME.matcher(v).matches()) return Kind.URL;
        boolean drive = v.length() > 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':'
                && (v.charAt(2) == '\\' || v.charAt(2) == '/');
        if (drive || v.startsWith("\\") || ENV_PATH.matcher(v).lookingAt()) return Kind.FILE;
        if (v.startsWith("/") && v.length() > 1 && v.indexOf(' ') < 0) return Kind.FILE;
        String lower = FeedDraft.withoutPort(v).toLowerCase(Locale.ROOT);
        if (DOMAIN.matcher(lower).matches()) {
            String last = lower.substring(lower.lastIndexOf('.') + 1);
            return FILE_EXTENSIONS.contains(last) ? Kind.FILE : Kind.DOMAIN;
        }
        if (lower.indexOf('\\') > 0 && lower.indexOf(' ') < 0) return Kind.FILE;
        return null;
    }

    /** Whether {@code s} is an IPv4 dotted quad or an IPv6 literal. */
    static boolean isAddress(String s) {
        if (IPV4.matcher(s).matches()) return true;
        if (s.indexOf(':') < 0 || s.length() > 45) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) return false;
        }
        try {
            // Only hex digits, colons and dots: parsed as a literal, never looked up by name.
            return InetAddress.getByName(s).getAddress().length == 16 || s.contains("::ffff:");
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Undoes the usual defanging of published indicators ({@code 203.0.113[.]7}, {@code hxxp://},
     * {@code evil[dot]com}), so that the value can be matched.
     */
    static String refang(String value) {
        String v = value.trim();
        if (v.indexOf('[') < 0 && v.indexOf('(') < 0 && !v.regionMatches(true, 0, "hxxp", 0, 4)) return v;
        v = v.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("(dot)", ".")
                .replace("[:]", ":").replace("[://]", "://");
        if (v.regionMatches(true, 0, "hxxp", 0, 4)) v = "http" + v.substring(4);
        return v;
    }
}
