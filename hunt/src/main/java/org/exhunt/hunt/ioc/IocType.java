package org.exhunt.hunt.ioc;

import java.util.Locale;

/** What an indicator's value is, as written in the first column of an IOC list. */
public enum IocType {
    /** One IPv4 or IPv6 address, compared with the event's client address. */
    IP("ip"),
    /** An address range in CIDR notation ({@code 203.0.113.0/24}). */
    CIDR("cidr"),
    /** A user agent or a distinctive part of one, found anywhere in the event's user agent. */
    USER_AGENT("user-agent"),
    /** A web path ({@code /aspnet_client/shell.aspx}) or a bare file name ({@code shell.aspx}). */
    URI_PATH("uri-path"),
    /** A file's SHA-256; logs carry no hashes, so these serve the file scan. */
    SHA256("sha256"),
    /** A file's SHA-1, as older feeds publish it; for the file scan too. */
    SHA1("sha1"),
    /** A file's MD5, as older feeds publish it; for the file scan too. */
    MD5("md5"),
    /** A domain name seen in the campaign's infrastructure. */
    DOMAIN("domain");

    private final String word;

    IocType(String word) {
        this.word = word;
    }

    /** The word used in IOC files. */
    public String word() {
        return word;
    }

    /** The type named by {@code word} (case-insensitive), or {@code null} if there is none. */
    public static IocType fromWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (IocType t : values()) {
            if (t.word.equals(w)) return t;
        }
        return null;
    }
}
