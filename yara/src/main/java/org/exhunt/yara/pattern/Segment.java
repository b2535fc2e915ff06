package org.exhunt.yara.pattern;

import java.util.List;

/**
 * A run of single-byte positions inside a pattern and how far its first byte can be from the
 * start of a match: between {@code minOffset} and {@code maxOffset} ({@code -1}: unbounded).
 * Atoms are windows of up to four positions taken from segments.
 *
 * <p>{@code before}, when known, is exactly what a match consumes ahead of the run's first
 * byte (the pattern's items before it, in order); null when the run starts inside a nested
 * construct. It lets an atom hit find its match starts by matching backwards.
 */
record Segment(List<ByteClass> positions, int minOffset, int maxOffset, List<Node> before) {

    static final int UNBOUNDED = -1;

    Segment(List<ByteClass> positions, int minOffset, int maxOffset) {
        this(positions, minOffset, maxOffset, null);
    }

    boolean fixedOffset() {
        return minOffset == maxOffset;
    }
}
