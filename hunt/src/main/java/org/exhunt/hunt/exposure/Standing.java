package org.exhunt.hunt.exposure;

/** How a build stands against the build table, which decides how sure its open CVEs are. */
public enum Standing {
    /** The build is a row of the table. */
    LISTED,
    /** A known CU line, at a revision between two rows (an interim or private update): read as the row below it. */
    BETWEEN_ROWS,
    /** Only the CU line is known (no update part, e.g. from an OWA path). */
    LINE_ONLY,
    /** Older than every row of its product: open to every CVE that affects the product. */
    OLDER_THAN_TABLE,
    /** A CU line newer than every row of its product: it carries every fix the table lists. */
    NEWER_THAN_TABLE,
    /** A 2013/2016/2019 build on no line of the table (a preview, or a mistyped number): read as open to everything. */
    UNLISTED,
    /** Not Exchange 2013, 2016 or 2019 (not 15.0, 15.1 or 15.2). */
    UNKNOWN_PRODUCT;

    /** Whether the table can speak for the build at all (the command's exit code 2 otherwise). */
    public boolean known() {
        return this == LISTED || this == BETWEEN_ROWS || this == LINE_ONLY || this == OLDER_THAN_TABLE;
    }
}
