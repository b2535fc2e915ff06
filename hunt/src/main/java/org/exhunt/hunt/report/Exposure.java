package org.exhunt.hunt.report;

import java.util.List;

/**
 * Whether the server is still open to the known flaws, as far as the evidence tells.
 *
 * @param build  the Exchange build number found, or {@code null} when unknown
 * @param source where the build number was read from, or {@code null}
 * @param cves   the CVEs that build is still vulnerable to, e.g. {@code CVE-2021-26855}
 */
public record Exposure(String build, String source, List<String> cves) {
    /** Nothing is known about the server's build. */
    public static final Exposure UNKNOWN = new Exposure(null, null, List.of());

    public Exposure {
        cves = cves == null ? List.of() : List.copyOf(cves);
    }
}
