package org.exhunt.hunt.evidence;

/**
 * Safety bounds for walking archives, so that a hostile or broken archive cannot exhaust the
 * disk, the memory or the time of a scan. An archive over a bound is reported as a
 * {@link DiscoveryProblem} and skipped; the rest of the scan goes on.
 */
public final class EvidenceLimits {

    private final int maxArchiveDepth;
    private final long maxExpandedBytes;
    private final int maxCompressionRatio;
    private final int maxEntries;

    private EvidenceLimits(int maxArchiveDepth, long maxExpandedBytes, int maxCompressionRatio, int maxEntries) {
        if (maxArchiveDepth < 0 || maxExpandedBytes < 0 || maxCompressionRatio < 1 || maxEntries < 0) {
            throw new IllegalArgumentException("evidence limits must not be negative (ratio at least 1)");
        }
        this.maxArchiveDepth = maxArchiveDepth;
        this.maxExpandedBytes = maxExpandedBytes;
        this.maxCompressionRatio = maxCompressionRatio;
        this.maxEntries = maxEntries;
    }

    /**
     * Archives nested at most 3 deep, 64 GiB expanded per top-level archive, 250:1 compression
     * per entry (log files compress 10-50:1; zeros reach 1000:1), 500,000 entries per archive.
     */
    public static EvidenceLimits defaults() {
        return new EvidenceLimits(3, 64L << 30, 250, 500_000);
    }

    /** How many archives may be nested inside each other (an archive in a folder is depth 1). */
    public int maxArchiveDepth() {
        return maxArchiveDepth;
    }

    /** The most bytes all entries of one top-level archive (nested ones included) may expand to. */
    public long maxExpandedBytes() {
        return maxExpandedBytes;
    }

    /** The highest expanded:compressed ratio an entry of more than 1 MiB may have. */
    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** The most entries one archive may list. */
    public int maxEntries() {
        return maxEntries;
    }

    public EvidenceLimits withMaxArchiveDepth(int depth) {
        return new EvidenceLimits(depth, maxExpandedBytes, maxCompressionRatio, maxEntries);
    }

    public EvidenceLimits withMaxExpandedBytes(long bytes) {
        return new EvidenceLimits(maxArchiveDepth, bytes, maxCompressionRatio, maxEntries);
    }

    public EvidenceLimits withMaxCompressionRatio(int ratio) {
        return new EvidenceLimits(maxArchiveDepth, maxExpandedBytes, ratio, maxEntries);
    }

    public EvidenceLimits withMaxEntries(int entries) {
        return new EvidenceLimits(maxArchiveDepth, maxExpandedBytes, maxCompressionRatio, entries);
    }

    @Override
    public String toString() {
        return "EvidenceLimits[depth=" + maxArchiveDepth + ", expanded=" + maxExpandedBytes
                + ", ratio=" + maxCompressionRatio + ", entries=" + maxEntries + "]";
    }
}
