package org.exhunt.yara.pattern;

import java.util.List;

/**
 * The shared shape of hex strings and regular expressions once parsed: a tree over single-byte
 * classes. Both compile to the same NFA, so they share one matcher and one atom extractor.
 */
sealed interface Node {

    /** Exactly one byte from the class. */
    record One(ByteClass accepts) implements Node {}

    record Concat(List<Node> items) implements Node {}

    /** Alternatives in priority order: the first that leads to a match wins, as in YARA. */
    record Alt(List<Node> options) implements Node {}

    /**
     * {@code body} repeated {@code min..max} times ({@code max == UNBOUNDED} for no limit).
     * Hex jumps are lazy repeats of any byte; that is what makes YARA take the nearest match.
     */
    record Repeat(Node body, int min, int max, boolean greedy) implements Node {
        static final int UNBOUNDED = -1;
    }

    /** A zero-width condition on the position. */
    record Assert(Kind kind) implements Node {}

    record Empty() implements Node {}

    enum Kind { START_OF_DATA, END_OF_DATA, WORD_BOUNDARY, NOT_WORD_BOUNDARY }

    /** Shortest number of bytes the node can match (characters; wide doubles it later). */
    static int minLength(Node n) {
        if (n instanceof One) return 1;
        if (n instanceof Concat c) return (int) Math.min(Integer.MAX_VALUE, c.items().stream().mapToLong(Node::minLength).sum());
        if (n instanceof Alt a) return a.options().stream().mapToInt(Node::minLength).min().orElse(0);
        if (n instanceof Repeat r) return (int) Math.min(Integer.MAX_VALUE, (long) r.min() * minLength(r.body()));
        return 0;
    }

    /** Longest number of bytes the node can match, or -1 when unbounded. */
    static int maxLength(Node n) {
        if (n instanceof One) return 1;
        if (n instanceof Concat c) {
            long sum = 0;
            for (Node i : c.items()) {
                int m = maxLength(i);
                if (m < 0) return -1;
                sum += m;
            }
            return (int) Math.min(Integer.MAX_VALUE, sum);
        }
        if (n instanceof Alt a) {
            int best = 0;
            for (Node o : a.options()) {
                int m = maxLength(o);
                if (m < 0) return -1;
                best = Math.max(best, m);
            }
            return best;
        }
        if (n instanceof Repeat r) {
            int b = maxLength(r.body());
            if (b == 0) return 0;
            if (b < 0 || r.max() == Repeat.UNBOUNDED) return -1;
            return (int) Math.min(Integer.MAX_VALUE, (long) r.max() * b);
        }
        return 0;
    }
}
