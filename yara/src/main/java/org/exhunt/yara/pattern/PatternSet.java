package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled set of YARA strings searched in one pass. Each pattern contributes short atoms to
 * one Aho–Corasick automaton; every atom occurrence names the start offsets where its pattern
 * could match, and only those are verified with the pattern's full matcher. Patterns without a
 * usable atom are verified at every offset, as in YARA.
 *
 * <p>Immutable and safe to share between threads; each {@link #scan} keeps its own state.
 */
public final class PatternSet {

    private final List<PatternSpec> specs;
    private final CompiledPattern[] patterns;
    private final Atom[] atoms;
    /** Per pattern: null when atoms select its candidates, else true (every offset / only 0). */
    private final boolean[] everyOffset;
    private final AtomAutomaton automaton;

    private PatternSet(List<PatternSpec> specs, CompiledPattern[] patterns, Atom[] atoms, boolean[] everyOffset,
            AtomAutomaton automaton) {
        this.specs = specs;
        this.patterns = patterns;
        this.atoms = atoms;
        this.everyOffset = everyOffset;
        this.automaton = automaton;
    }

    /**
     * Compiles the patterns; the index of each in {@code specs} is the pattern number reported
     * to {@link MatchSink}.
     *
     * @throws PatternSyntaxException   a hex string or regex YARA would reject (with its column)
     * @throws IllegalArgumentException a modifier combination YARA would reject, or an empty string;
     *                                  the message names the pattern's index
     */
    public static PatternSet compile(List<PatternSpec> specs) {
        List<PatternSpec> copy = List.copyOf(specs);
        CompiledPattern[] patterns = new CompiledPattern[copy.size()];
        boolean[] every = new boolean[copy.size()];
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            PatternSpec s = copy.get(i);
            try {
                patterns[i] = switch (s.kind()) {
                    case TEXT -> TextForms.compile(s.literalUnsafe(), s.modifiers());
                    case HEX -> NodePatterns.hex(s.source());
                    case REGEX -> NodePatterns.regex(s.source(), s.modifiers(), s.dotAll());
                };
            } catch (PatternSyntaxException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pattern " + i + " (" + s + "): " + e.getMessage(), e);
            }
            if (patterns[i].anchoredAtStart()) continue;
            List<Atom> own = AtomPlanner.plan(i, patterns[i].alternatives());
            if (own == null) every[i] = true;
            else atoms.addAll(own);
        }
        List<byte[]> bytes = new ArrayList<>(atoms.size());
        for (Atom a : atoms) bytes.add(a.bytes());
        return new PatternSet(copy, patterns, atoms.toArray(new Atom[0]), every, AtomAutomaton.build(bytes));
    }

    /** Number of patterns. */
    public int size() {
        return patterns.length;
    }

    /**
     * Whether the pattern has no atom and is verified at every offset of every buffer: slow on
     * large data (YARA warns about such strings too).
     */
    public boolean isSlow(int index) {
        return everyOffset[index];
    }

    /** The pattern as given to {@link #compile}. */
    public PatternSpec spec(int index) {
        return specs.get(index);
    }

    /**
     * Reports every match in {@code data}: per pattern (in index order) each start offset where
     * it matches once, ascending, with the length YARA would give. At most
     * {@link Limits#MAX_MATCHES_PER_PATTERN} matches per pattern.
     */
    public void scan(byte[] data, MatchSink sink) {
        scan(data, sink, 0);
    }

    /**
     * As {@link #scan(byte[], MatchSink)}, giving up when {@link System#nanoTime()} passes
     * {@code deadline} (0 for no limit): a pattern without atoms over a large buffer, or a
     * flood of candidates, cannot hold a scan for longer than its budget.
     *
     * @return false when the time ran out (matches reported so far stand, the rest are missing)
     */
    public boolean scan(byte[] data, MatchSink sink, long deadline) {
        Candidates[] cand = new Candidates[patterns.length];
        int[] hits = {0};
        java.util.Map<Program, Backward> backwards = new java.util.IdentityHashMap<>();
        try {
            automaton.scan(data, (atomIndex, end) -> {
                // A flood of atom hits (a common atom over a large buffer) is where time goes
                // before any verification; look at the clock every 64k hits.
                if (deadline != 0 && (++hits[0] & 0xFFFF) == 0 && System.nanoTime() - deadline > 0) throw OutOfTime.INSTANCE;
                Atom a = atoms[atomIndex];
                int atomStart = end - a.bytes().length;
                int hi = atomStart - a.backMin();
                if (hi < 0) return;
                int lo = Math.max(0, atomStart - a.backMax());
                Candidates c = cand[a.pattern()];
                if (c == null) cand[a.pattern()] = c = new Candidates();
                if (a.backward() == null) {
                    c.add(lo, hi);
                } else {
                    Candidates target = c;
                    backwards.computeIfAbsent(a.backward(), Backward::new).starts(data, atomStart, lo, s -> {
                        if (s <= hi) target.add(s, s);
                    });
                }
            });
        } catch (OutOfTime e) {
            return false;
        }
        for (int p = 0; p < patterns.length; p++) {
            if (data.length == 0) break;
            if (patterns[p].anchoredAtStart()) {
                cand[p] = new Candidates();
                cand[p].add(0, 0);
            } else if (everyOffset[p]) {
                cand[p] = new Candidates();
                cand[p].add(0, data.length - 1);
            }
            if (cand[p] != null && !verify(p, cand[p], data, sink, deadline)) return false;
        }
        return true;
    }

    /** Verifies pattern {@code p} at every offset, no atoms involved: the reference for the prefilter. */
    void scanEveryOffset(byte[] data, MatchSink sink) {
        if (data.length == 0) return;
        for (int p = 0; p < patterns.length; p++) {
            Candidates c = new Candidates();
            c.add(0, data.length - 1);
            verify(p, c, data, sink, 0);
        }
    }

    /** False when the deadline passed; checked every few thousand offsets so the clock costs nothing. */
    private boolean verify(int p, Candidates c, byte[] data, MatchSink sink, long deadline) {
        long[] ranges = c.merged();
        Verifier.Session session = patterns[p].verifier().open(data);
        int found = 0;
        for (long r : ranges) {
            int lo = (int) (r >>> 32);
            int hi = (int) r;
            for (int s = lo; s <= hi && s < data.length; s++) {
                if (deadline != 0 && (s & 0xFFF) == 0 && System.nanoTime() - deadline > 0) return false;
                int len = session.matchAt(s);
                if (len > 0) {
                    sink.onMatch(p, s, len);
                    if (++found >= Limits.MAX_MATCHES_PER_PATTERN) return true;
                }
            }
        }
        return deadline == 0 || System.nanoTime() - deadline <= 0;
    }

    /** Unwinds the atom search when the deadline has passed; carries no stack trace. */
    private static final class OutOfTime extends RuntimeException {
        static final OutOfTime INSTANCE = new OutOfTime();

        private OutOfTime() {
            super("deadline passed", null, false, false);
        }
    }

    /** Candidate start ranges of one pattern, merged on the fly while they arrive in order. */
    private static final class Candidates {
        private long[] ranges = new long[8];
        private int n;
        private boolean sorted = true;

        void add(int lo, int hi) {
            if (n > 0) {
                long last = ranges[n - 1];
                int lastLo = (int) (last >>> 32);
                int lastHi = (int) last;
                if (lo >= lastLo && lo <= lastHi + 1) {
                    if (hi > lastHi) ranges[n - 1] = (long) lastLo << 32 | (hi & 0xFFFFFFFFL);
                    return;
                }
                if (lo < lastLo) sorted = false;
            }
            if (n == ranges.length) ranges = Arrays.copyOf(ranges, n * 2);
            ranges[n++] = (long) lo << 32 | (hi & 0xFFFFFFFFL);
        }

        long[] merged() {
            long[] r = Arrays.copyOf(ranges, n);
            if (sorted) return r;
            Arrays.sort(r);
            int m = 0;
            for (long x : r) {
                int lo = (int) (x >>> 32);
                int hi = (int) x;
                if (m > 0) {
                    int lastHi = (int) r[m - 1];
                    if (lo <= lastHi + 1) {
                        if (hi > lastHi) r[m - 1] = (r[m - 1] & 0xFFFFFFFF00000000L) | (hi & 0xFFFFFFFFL);
                        continue;
                    }
                }
                r[m++] = x;
            }
            return Arrays.copyOf(r, m);
        }
    }
}
