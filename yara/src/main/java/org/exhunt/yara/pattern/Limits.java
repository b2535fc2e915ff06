package org.exhunt.yara.pattern;

/** The bounds libyara 4.x puts on matching, kept so hostile data cannot exhaust time or memory. */
public final class Limits {

    /** Matches kept per pattern per scanned buffer; later ones are dropped. */
    public static final int MAX_MATCHES_PER_PATTERN = 1_000_000;

    /** A regex or hex (piece) never consumes more bytes than this from where it starts. */
    public static final int MAX_MATCH_LENGTH = 4096;

    /** Hex jumps whose bounds exceed this split the string into chained pieces. */
    public static final int CHAINING_THRESHOLD = 200;

    /** Instructions one compiled regex may have after repeats are unrolled. */
    public static final int MAX_PROGRAM_SIZE = 262_144;

    private Limits() {}
}
