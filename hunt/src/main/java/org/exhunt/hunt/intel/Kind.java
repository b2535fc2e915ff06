package org.exhunt.hunt.intel;

import org.exhunt.hunt.ioc.IocType;

/**
 * What a feed says a value is, before it becomes an {@link IocType}. Feeds publish more kinds
 * than exhunt can match; the extra ones are named here so that they can be counted as skipped
 * with a reason instead of vanishing.
 */
enum Kind {
    IP(IocType.IP),
    CIDR(IocType.CIDR),
    DOMAIN(IocType.DOMAIN),
    /** Becomes the URL's host (address or domain): the rest of a URL names the attacker's server, not ours. */
    URL(null),
    SHA256(IocType.SHA256),
    MD5(IocType.MD5),
    SHA1(IocType.SHA1),
    /** A server file path or a bare file name; becomes a web path as logs record it. */
    FILE(IocType.URI_PATH),
    USER_AGENT(IocType.USER_AGENT),
    /** A regular expression over file paths (signature-base {@code filename-iocs.txt}) that names no single web path. */
    PATH_REGEX(null);

    private final IocType type;

    Kind(IocType type) {
        this.type = type;
    }

    /** The indicator type this kind is matched as, or {@code null} when it needs conversion or can't be used. */
    IocType type() {
        return type;
    }

    /** Why a value of this kind is not used, for kinds exhunt does not match. */
    String unusedReason() {
        return switch (this) {
            case PATH_REGEX -> "file-name regular expressions are not used unless they name exactly one web path"
                    + " (exhunt matches no path regexes; write the paths you need as uri-path entries)";
            default -> null;
        };
    }
}
