package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.List;

/** Compiles parsed hex strings and regexes: program, chain pieces, and atom segments. */
final class NodePatterns {

    /** Repeats are walked at most this many times when looking for atom positions. */
    private static final int MAX_UNROLL_FOR_ATOMS = 8;

    private NodePatterns() {}

    static CompiledPattern regex(String source, Modifiers m, boolean dotAll) {
        m.validateForRegex();
        RegexParser.Parsed parsed = RegexParser.parseWithRanges(source, m.isNocase(), dotAll);
        Node root = parsed.root();
        if (!m.isWide()) {
            // libyara chains a regex at a top-level lazy .{n,m}? with a bound over the threshold,
            // like a hex jump: the gap then takes any byte, newline included.
            List<Node> pieces = new ArrayList<>();
            List<int[]> gaps = new ArrayList<>();
            split(root, pieces, gaps, item -> parsed.lazyDotRanges().contains(item) && isLongRange((Node.Repeat) item));
            if (pieces.size() > 1) {
                List<Program> programs = new ArrayList<>();
                for (Node piece : pieces) programs.add(Program.compile(piece, source));
                return new CompiledPattern(new ChainVerifier(programs, mins(gaps), maxes(gaps), m.isFullword()),
                        segments(pieces.get(0), false), anchoredAtStart(pieces.get(0)));
            }
        }
        Program p = Program.compile(root, source);
        List<List<Segment>> alternatives = new ArrayList<>();
        if (m.isAscii()) alternatives.addAll(segments(root, false));
        if (m.isWide()) alternatives.addAll(segments(root, true));
        return new CompiledPattern(new RegexVerifier(p, m.isAscii(), m.isWide(), m.isFullword()), alternatives,
                anchoredAtStart(root));
    }

    static CompiledPattern hex(String source) {
        Node root = HexParser.parse(source);
        List<Node> pieces = new ArrayList<>();
        List<int[]> gaps = new ArrayList<>();
        splitAtLongJumps(root, pieces, gaps);
        List<List<Segment>> alternatives = segments(pieces.get(0), false);
        if (pieces.size() == 1) {
            return new CompiledPattern(new RegexVerifier(Program.compile(root, source), true, false, false), alternatives, false);
        }
        List<Program> programs = new ArrayList<>();
        for (Node piece : pieces) programs.add(Program.compile(piece, source));
        return new CompiledPattern(new ChainVerifier(programs, mins(gaps), maxes(gaps), false), alternatives, false);
    }

    private static int[] mins(List<int[]> gaps) {
        return gaps.stream().mapToInt(g -> g[0]).toArray();
    }

    private static int[] maxes(List<int[]> gaps) {
        return gaps.stream().mapToInt(g -> g[1]).toArray();
    }

    private static boolean isLongRange(Node.Repeat r) {
        return r.min() > Limits.CHAINING_THRESHOLD || r.max() == Node.Repeat.UNBOUNDED || r.max() > Limits.CHAINING_THRESHOLD;
    }

    /** YARA's chaining: a top-level jump with a bound over the threshold (or none) splits the string. */
    static void splitAtLongJumps(Node root, List<Node> pieces, List<int[]> gaps) {
        split(root, pieces, gaps, item -> item instanceof Node.Repeat r && !r.greedy()
                && r.body() instanceof Node.One one && one.accepts().size() == 256 && isLongRange(r));
    }

    /** Cuts a top-level concatenation at every item (neither first nor last) the predicate picks. */
    private static void split(Node root, List<Node> pieces, List<int[]> gaps, java.util.function.Predicate<Node> cutAt) {
        if (!(root instanceof Node.Concat c)) {
            pieces.add(root);
            return;
        }
        List<Node> current = new ArrayList<>();
        List<Node> items = c.items();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (i > 0 && i < items.size() - 1 && cutAt.test(item)) {
                Node.Repeat r = (Node.Repeat) item;
                pieces.add(current.size() == 1 ? current.get(0) : new Node.Concat(current));
                gaps.add(new int[] {r.min(), r.max()});
                current = new ArrayList<>();
            } else {
                current.add(item);
            }
        }
        pieces.add(current.size() == 1 ? current.get(0) : new Node.Concat(current));
    }

    static boolean anchoredAtStart(Node root) {
        if (root instanceof Node.Assert a) return a.kind() == Node.Kind.START_OF_DATA;
        if (root instanceof Node.Concat c) return !c.items().isEmpty() && anchoredAtStart(c.items().get(0));
        if (root instanceof Node.Alt a) return a.options().stream().allMatch(NodePatterns::anchoredAtStart);
        return false;
    }

    /** Alternations are expanded for atom choice while this many branch combinations result. */
    private static final int MAX_ATOM_ALTERNATIVES = 64;

    /**
     * One list of segments per way through the pattern's alternations, as far as expanding them
     * stays small: {@code (e|\\x65)(v|\\x76)al} gives atoms from each of its four spellings. Every
     * match follows one of these ways, so one of their atoms lies inside it.
     */
    static List<List<Segment>> segments(Node root, boolean wide) {
        if (unwrap(root) instanceof Node.Alt top) {
            // Top-level alternatives are always taken one by one, however many there are.
            List<List<Segment>> out = new ArrayList<>();
            for (Node option : top.options()) out.addAll(segments(option, wide));
            return out;
        }
        List<List<Node>> ways = new ArrayList<>();
        ways.add(new ArrayList<>());
        for (Node item : flatten(root)) {
            Node u = unwrap(item);
            if (u instanceof Node.Alt alt && (long) ways.size() * alt.options().size() <= MAX_ATOM_ALTERNATIVES) {
                List<List<Node>> next = new ArrayList<>();
                for (List<Node> w : ways) {
                    for (Node option : alt.options()) {
                        // The option's own items join the way, so runs inside it know what precedes them.
                        List<Node> copy = new ArrayList<>(w);
                        copy.addAll(flatten(option));
                        next.add(copy);
                    }
                }
                ways = next;
            } else {
                for (List<Node> w : ways) w.add(item);
            }
        }
        List<List<Segment>> out = new ArrayList<>();
        for (List<Node> w : ways) out.add(new Walker(wide).run(new Node.Concat(w)));
        return out;
    }

    /** The items of a concatenation, with groups (single-item concatenations) opened. */
    private static List<Node> flatten(Node n) {
        Node u = unwrap(n);
        if (u instanceof Node.Concat c) {
            List<Node> out = new ArrayList<>();
            for (Node i : c.items()) {
                Node ui = unwrap(i);
                if (ui instanceof Node.Concat) out.addAll(flatten(ui));
                else out.add(i);
            }
            return out;
        }
        return List.of(u);
    }

    private static Node unwrap(Node n) {
        while (n instanceof Node.Concat c && c.items().size() == 1) n = c.items().get(0);
        return n;
    }

    /** Walks a node left to right, collecting runs of single-byte positions with their offsets. */
    private static final class Walker {
        private final int charSize;
        private final List<Segment> segments = new ArrayList<>();
        private List<ByteClass> run = new ArrayList<>();
        private long runMin;
        private long runMax;
        private long min;
        /** -1 once the offset is unbounded. */
        private long max;

        Walker(boolean wide) {
            this.charSize = wide ? 2 : 1;
        }

        /** Nesting below the way's own items; a run starting at depth 0 knows what precedes it. */
        private int depth;
        private List<Node> items = List.of();
        private int item;
        private List<Node> runBefore;

        List<Segment> run(Node n) {
            // The way's items one by one, so a run that starts at one of them can name the items
            // before it (see Segment.before); wide forms interleave zero bytes and are not tracked.
            items = n instanceof Node.Concat c ? c.items() : List.of(n);
            for (item = 0; item < items.size(); item++) walk(items.get(item));
            close();
            return segments;
        }

        private void walk(Node n) {
            if (n instanceof Node.One one) {
                    if (run.isEmpty()) {
                        runMin = min;
                        runMax = max;
                        runBefore = depth == 0 && charSize == 1 ? List.copyOf(items.subList(0, item)) : null;
                    }
                    run.add(one.accepts());
                    if (charSize == 2) run.add(ByteClass.of(0));
                    advance(charSize, charSize);
            } else if (n instanceof Node.Concat c) {
                depth++;
                c.items().forEach(this::walk);
                depth--;
            } else if (n instanceof Node.Repeat r) {
                    int fixed = Math.min(r.min(), MAX_UNROLL_FOR_ATOMS);
                    depth++;
                    for (int i = 0; i < fixed; i++) walk(r.body());
                    depth--;
                    close();
                    long bodyMin = (long) Node.minLength(r.body()) * charSize;
                    int bodyMax = Node.maxLength(r.body());
                    long restMin = (r.min() - fixed) * bodyMin;
                    long restMax = r.max() == Node.Repeat.UNBOUNDED || bodyMax < 0 ? -1 : (long) (r.max() - fixed) * bodyMax * charSize;
                    advance(restMin, restMax);
            } else if (n instanceof Node.Alt a) {
                    close();
                    int mx = Node.maxLength(a);
                    advance((long) Node.minLength(a) * charSize, mx < 0 ? -1 : (long) mx * charSize);
            }
        }

        private void advance(long lo, long hi) {
            min += lo;
            max = max < 0 || hi < 0 ? -1 : max + hi;
        }

        private void close() {
            if (!run.isEmpty() && runMin <= Limits.MAX_MATCH_LENGTH) {
                int hi = runMax < 0 || runMax > Limits.MAX_MATCH_LENGTH ? Segment.UNBOUNDED : (int) runMax;
                segments.add(new Segment(List.copyOf(run), (int) runMin, hi, runBefore));
            }
            run = new ArrayList<>();
        }
    }
}
