package org.exhunt.hunt.exposure;

import java.util.List;

/**
 * What the build table says about one build.
 *
 * @param build     the build asked about
 * @param product   2013, 2016 or 2019, or {@code null} for another product
 * @param standing  how the build stands against the table
 * @param row       the row that names the build: the build itself, the row below it on its line,
 *                  or (for {@link Standing#LINE_ONLY}) the line's newest row; {@code null} when none
 * @param open      the CVEs still open, in the order they were first fixed
 * @param uncertain for {@link Standing#LINE_ONLY}: CVEs open unless one of the line's updates is
 *                  installed (the line's CU lacks their fix, a later update has it); else empty
 * @param lineFix   the first update on the build's own CU line that closes every open CVE, or
 *                  {@code null} when that line never does (a newer CU is needed)
 * @param newest    the newest build of the product in the table, which closes every listed CVE
 */
public record Assessment(ExchangeBuild build, String product, Standing standing, BuildRow row,
                         List<String> open, List<String> uncertain, BuildRow lineFix, BuildRow newest) {
    public Assessment {
        open = List.copyOf(open);
        uncertain = List.copyOf(uncertain);
    }

    /** A readable name for the build, e.g. {@code Exchange Server 2019 CU8 Mar21SU}. */
    public String name() {
        return switch (standing) {
            case LISTED -> row.name();
            case BETWEEN_ROWS -> row.name() + " (or a later unlisted update of " + row.cu() + ")";
            case LINE_ONLY -> "Exchange Server " + product + " " + row.cu() + " (update not known)";
            case OLDER_THAN_TABLE -> "Exchange Server " + product + ", older than any build in the table";
            case NEWER_THAN_TABLE -> "Exchange Server " + product + ", newer than any build in the table";
            case UNLISTED -> "Exchange Server " + product + ", a build on no CU line in the table";
            case UNKNOWN_PRODUCT -> "not Exchange Server 2013, 2016 or 2019";
        };
    }
}
