package org.exhunt.yara.pattern;

import java.util.List;

/**
 * A run of single-byte positions inside a pattern and how far its first byte can be from the
 * start of a match: between {@code minOffset} and {@code maxOffset} ({@code -1}: unbounded).
 * Atoms are windows of up to four positions taken from segments.
 */
record Segment(List<ByteClass> positions, int minOffset, int maxOffset) {

    static final int UNBOUNDED = -1;

    boolean fixedOffset() {
        return minOffset == maxOffset;
    }
}
