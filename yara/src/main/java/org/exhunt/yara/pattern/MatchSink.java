package org.exhunt.yara.pattern;

/** Receives matches from {@link PatternSet#scan}: per pattern in index order, offsets ascending. */
@FunctionalInterface
public interface MatchSink {

    /**
     * @param pattern index of the pattern in the list given to {@link PatternSet#compile}
     * @param offset  first byte of the match
     * @param length  bytes matched, as YARA counts them (wide and base64wide forms included)
     */
    void onMatch(int pattern, int offset, int length);
}
