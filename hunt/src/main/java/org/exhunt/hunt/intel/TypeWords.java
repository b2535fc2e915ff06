package org.exhunt.hunt.intel;

import java.util.Locale;
import java.util.Map;

/**
 * The words feeds use for indicator types (CSV type columns, MISP attribute types), mapped onto
 * {@link Kind}. Words are compared without case and without punctuation, so {@code IndicatorType}
 * values such as {@code domainname}, {@code IPAddress} and {@code ip-dst} all find their kind.
 */
final class TypeWords {

    private static final Map<String, Kind> WORDS = Map.ofEntries(
            Map.entry("ip", Kind.IP), Map.entry("ipaddress", Kind.IP), Map.entry("ipv4", Kind.IP),
            Map.entry("ipv6", Kind.IP), Map.entry("ipv4addr", Kind.IP), Map.entry("ipv6addr", Kind.IP),
            Map.entry("ipsrc", Kind.IP), Map.entry("ipdst", Kind.IP), Map.entry("networkip", Kind.IP),
            Map.entry("ipaddr", Kind.IP), Map.entry("address", Kind.IP),
            Map.entry("cidr", Kind.CIDR), Map.entry("iprange", Kind.CIDR), Map.entry("netblock", Kind.CIDR),
            Map.entry("ipv4cidr", Kind.CIDR), Map.entry("ipv6cidr", Kind.CIDR),
            Map.entry("domain", Kind.DOMAIN), Map.entry("domainname", Kind.DOMAIN), Map.entry("hostname", Kind.DOMAIN),
            Map.entry("fqdn", Kind.DOMAIN), Map.entry("host", Kind.DOMAIN), Map.entry("dns", Kind.DOMAIN),
            Map.entry("url", Kind.URL),
            Map.entry("sha256", Kind.SHA256), Map.entry("filehashsha256", Kind.SHA256), Map.entry("hashsha256", Kind.SHA256),
            Map.entry("md5", Kind.MD5), Map.entry("filehashmd5", Kind.MD5), Map.entry("hashmd5", Kind.MD5),
            Map.entry("sha1", Kind.SHA1), Map.entry("filehashsha1", Kind.SHA1), Map.entry("hashsha1", Kind.SHA1),
            Map.entry("filepath", Kind.FILE), Map.entry("filename", Kind.FILE), Map.entry("file", Kind.FILE),
            Map.entry("path", Kind.FILE), Map.entry("uri", Kind.FILE), Map.entry("uripath", Kind.FILE),
            Map.entry("useragent", Kind.USER_AGENT), Map.entry("ua", Kind.USER_AGENT));

    private TypeWords() {
    }

    /** The kind a type word names, or {@code null} if it names none exhunt knows. */
    static Kind kind(String word) {
        if (word == null) return null;
        StringBuilder b = new StringBuilder();
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
        }
        return WORDS.get(b.toString());
    }
}
