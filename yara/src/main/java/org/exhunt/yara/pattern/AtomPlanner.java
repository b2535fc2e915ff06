package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses up to four-byte atoms for a pattern, one window per alternative, the way libyara
 * thinks about them: rare bytes are worth more than common ones (zero, space, 0xFF, 0xCC),
 * letters a bit less than other bytes, repeated bytes little, classes of many values less
 * still, and a window whose distance to the match start is not fixed costs verification work.
 */
final class AtomPlanner {

    static final int MAX_ATOM_LENGTH = 4;
    /** A window is expanded into at most this many concrete atoms (nocase letters, nibbles). */
    static final int MAX_EXPANSION = 64;
    /** A position accepting more values than this is never part of an atom. */
    static final int MAX_CLASS_SIZE = 16;

    private AtomPlanner() {}

    /** The atoms of one pattern, or null when some alternative has none (try every offset). */
    static List<Atom> plan(int pattern, List<List<Segment>> alternatives) {
        List<Atom> atoms = new ArrayList<>();
        if (alternatives.isEmpty()) return null;
        for (List<Segment> alt : alternatives) {
            Window best = null;
            for (Segment s : alt) {
                int n = s.positions().size();
                // Sizes and single values once per segment: windows are scored without allocating.
                int[] size = new int[n];
                int[] value = new int[n];
                for (int i = 0; i < n; i++) {
                    ByteClass c = s.positions().get(i);
                    size[i] = c.size();
                    value[i] = size[i] == 1 ? c.values()[0] : -1;
                }
                for (int i = 0; i < n; i++) {
                    for (int len = 1; len <= MAX_ATOM_LENGTH && i + len <= n; len++) {
                        Window w = Window.of(s, size, value, i, len);
                        if (w != null && (best == null || w.quality > best.quality)) best = w;
                    }
                }
            }
            if (best == null) return null;
            best.expand(pattern, atoms);
        }
        return atoms;
    }

    /** Quality of a window of positions at an uncertain distance ({@code range}) from the start. */
    static int quality(List<ByteClass> positions, int range) {
        int[] size = new int[positions.size()];
        int[] value = new int[positions.size()];
        for (int i = 0; i < size.length; i++) {
            size[i] = positions.get(i).size();
            value[i] = size[i] == 1 ? positions.get(i).values()[0] : -1;
        }
        return quality(size, value, 0, size.length, range);
    }

    private static int quality(int[] size, int[] value, int from, int len, int range) {
        int q = 0;
        int distinct = 0;
        boolean allExact = true;
        for (int i = from; i < from + len; i++) {
            if (size[i] == 1) {
                int b = value[i];
                if (b == 0x00 || b == 0x20 || b == 0xFF || b == 0xCC) q += 12;
                else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') q += 18;
                else q += 20;
                boolean seen = false;
                for (int j = from; j < i; j++) seen |= size[j] == 1 && value[j] == b;
                if (!seen) distinct++;
            } else {
                allExact = false;
                q += size[i] == 2 ? 14 : 4;
            }
        }
        if (allExact && len > 1 && distinct == 1) q -= 10 * len;
        q += 2 * distinct;
        if (range != 0) q -= 10 + 2 * (32 - Integer.numberOfLeadingZeros(range < 0 ? Integer.MAX_VALUE : range));
        return q;
    }

    private static final class Window {
        final List<ByteClass> positions;
        final int backMin;
        final int backMax;
        final int quality;
        /** What a match holds before the window, when known: the segment's prefix and its first positions. */
        final List<Node> before;

        private Window(List<ByteClass> positions, int backMin, int backMax, int quality, List<Node> before) {
            this.positions = positions;
            this.backMin = backMin;
            this.backMax = backMax;
            this.quality = quality;
            this.before = before;
        }

        static Window of(Segment s, int[] size, int[] value, int i, int len) {
            long expansion = 1;
            for (int j = i; j < i + len; j++) {
                if (size[j] > MAX_CLASS_SIZE) return null;
                expansion *= size[j];
            }
            if (expansion > MAX_EXPANSION) return null;
            long lo = (long) s.minOffset() + i;
            // A match never spans more than the length cap, so neither does the way back.
            long cap = Limits.MAX_MATCH_LENGTH - len;
            long hi = s.maxOffset() == Segment.UNBOUNDED ? cap : Math.min(cap, (long) s.maxOffset() + i);
            if (lo > cap || hi < lo) return null;
            List<Node> before = null;
            if (s.before() != null && lo != hi) {
                before = new ArrayList<>(s.before());
                for (int j = 0; j < i; j++) before.add(new Node.One(s.positions().get(j)));
            }
            return new Window(s.positions().subList(i, i + len), (int) lo, (int) hi, quality(size, value, i, len, (int) (hi - lo)),
                    before);
        }

        void expand(int pattern, List<Atom> out) {
            List<byte[]> acc = new ArrayList<>();
            acc.add(new byte[0]);
            for (ByteClass c : positions) {
                List<byte[]> next = new ArrayList<>();
                for (byte[] prefix : acc) {
                    for (int v : c.values()) {
                        byte[] b = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                        b[prefix.length] = (byte) v;
                        next.add(b);
                    }
                }
                acc = next;
            }
            Program backward = before == null ? null : Backward.program(before);
            for (byte[] b : acc) out.add(new Atom(pattern, b, backMin, backMax, backward));
        }
    }
}
