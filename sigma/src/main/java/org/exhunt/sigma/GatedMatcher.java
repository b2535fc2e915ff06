package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.exhunt.sigma.prefilter.LiteralAutomaton;
import org.exhunt.sigma.value.FieldPredicate;

/**
 * Literal-first matching. A gated rule has one to three gates ({@link RuleNode#groups()}), each
 * a set of literals of which one must occur in a given field; one automaton per field finds, in a
 * single pass over that field's value, every literal present, which opens gates. A gate may
 * instead need a field to equal one of some whole numbers ({@code EventID: 4625}): one lookup
 * per event opens it. A rule is evaluated only when all its gates opened (or when it has none).
 *
 * <p>Per-event scratch state lives in a thread-local, so matching allocates nothing until a
 * rule matches. Events that can show a field's bytes in place ({@link SigmaEvent#slice}) are
 * scanned without decoding the field at all; most events of a log are rejected that way.
 */
final class GatedMatcher implements Matcher {

    private final CompiledRule[] rules;
    /** Rules with no gate, in rule order: evaluated for every event. */
    private final int[] ungatedRules;
    /** Per rule, the bit mask of all its gates; 0 for ungated rules. */
    private final int[] fullMask;
    private final FieldScan[] scans;
    private final IntegerScan[] integerScans;
    private final ThreadLocal<Scratch> scratch;

    /**
     * One field (or all values, for keywords) with its automaton and, per literal, the gates it
     * opens, each encoded as {@code rule << 2 | gate}.
     */
    private record FieldScan(String field, int fieldHash, boolean keywords, LiteralAutomaton automaton,
            int[][] gatesOfLiteral) { }

    /**
     * One field whose whole-number value some gates need ({@code EventID: 4625}): the numbers,
     * sorted, and per number the gates it opens. A lookup per event instead of a scan.
     */
    private record IntegerScan(String field, int fieldHash, long[] keys, int[][] gatesOfKey) {

        void open(Object value, Scratch s) {
            if (value instanceof List<?> list) {
                for (int i = 0, n = list.size(); i < n; i++) {
                    open(list.get(i), s);
                }
                return;
            }
            if (value == null) {
                return;
            }
            int at = Arrays.binarySearch(keys, FieldPredicate.integerKey(value));
            if (at >= 0) {
                s.open(gatesOfKey[at]);
            }
        }
    }

    GatedMatcher(List<CompiledRule> compiled, boolean prefilter) {
        this.rules = compiled.toArray(new CompiledRule[0]);
        this.fullMask = new int[rules.length];
        List<Integer> ungated = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            List<Map<String, Set<String>>> groups = prefilter ? rules[i].groups() : List.of();
            if (groups.isEmpty()) {
                ungated.add(i);
                continue;
            }
            fullMask[i] = (1 << groups.size()) - 1;
            for (int g = 0; g < groups.size(); g++) {
                // an empty gate never opens: the rule can never hold and is never evaluated
                for (Map.Entry<String, Set<String>> e : groups.get(g).entrySet()) {
                    Map<String, List<Integer>> lits = byField.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                    for (String lit : e.getValue()) {
                        lits.computeIfAbsent(lit, k -> new ArrayList<>()).add(i << 2 | g);
                    }
                }
            }
        }
        this.ungatedRules = ungated.stream().mapToInt(Integer::intValue).toArray();
        Map<String, String> spelling = spellings(rules);
        List<FieldScan> built = new ArrayList<>();
        List<IntegerScan> integers = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Integer>>> e : byField.entrySet()) {
            if (e.getKey().startsWith(LiteralGate.INTEGERS)) {
                String lower = e.getKey().substring(LiteralGate.INTEGERS.length());
                integers.add(integerScan(spelling.getOrDefault(lower, lower), e.getValue()));
                continue;
            }
            List<String> literals = new ArrayList<>(e.getValue().keySet());
            int[][] owners = new int[literals.size()][];
            for (int l = 0; l < literals.size(); l++) {
                owners[l] = e.getValue().get(literals.get(l)).stream().mapToInt(Integer::intValue).toArray();
            }
            boolean keywords = e.getKey().equals(LiteralGate.KEYWORDS);
            // Interned and spelled as the rules spell it: events are built with interned names,
            // and a lookup that finds the very same String skips comparing it ignoring case.
            String field = keywords ? null : spelling.getOrDefault(e.getKey(), e.getKey()).intern();
            built.add(new FieldScan(field, keywords ? 0 : SigmaEvent.nameHash(field), keywords,
                    LiteralAutomaton.of(literals), owners));
        }
        this.scans = built.toArray(new FieldScan[0]);
        this.integerScans = integers.toArray(new IntegerScan[0]);
        int n = rules.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /** Per lower-cased field name, the spelling most of the rules use for it (the first, on a tie). */
    private static Map<String, String> spellings(CompiledRule[] rules) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (CompiledRule r : rules) {
            for (String f : r.fields()) {
                if (f != null) {
                    counts.computeIfAbsent(f.toLowerCase(java.util.Locale.ROOT), k -> new LinkedHashMap<>()).merge(f, 1, Integer::sum);
                }
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        counts.forEach((lower, bySpelling) -> {
            String best = null;
            for (Map.Entry<String, Integer> e : bySpelling.entrySet()) {
                if (best == null || e.getValue() > bySpelling.get(best)) {
                    best = e.getKey();
                }
            }
            out.put(lower, best);
        });
        return out;
    }

    private static IntegerScan integerScan(String field, Map<String, List<Integer>> gatesByNumber) {
        long[] keys = gatesByNumber.keySet().stream().mapToLong(Long::parseLong).sorted().toArray();
        int[][] gates = new int[keys.length][];
        for (Map.Entry<String, List<Integer>> e : gatesByNumber.entrySet()) {
            int at = Arrays.binarySearch(keys, Long.parseLong(e.getKey()));
            gates[at] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        String name = field.intern();
        return new IntegerScan(name, SigmaEvent.nameHash(name), keys, gates);
    }

    /** How many rules are evaluated only when their literals are seen. */
    int gatedRules() {
        return rules.length - ungatedRules.length;
    }

    @Override
    public int ruleCount() {
        return rules.length;
    }

    @Override
    public void match(SigmaEvent event, Consumer<RuleMatch> sink) {
        Scratch s = scratch();
        try {
            for (FieldScan scan : scans) {
                s.scan = scan;
                if (scan.keywords()) {
                    for (String v : event.values()) {
                        if (v != null) {
                            scan.automaton().scanAnyOrder(v, s);
                        }
                    }
                } else {
                    ByteSlice slice = s.slice;
                    if (!event.slice(scan.field(), slice)
                            || !scan.automaton().scanAscii(slice.bytes, slice.start, slice.end, slice.plusIsSpace, s)) {
                        scanValue(event.get(scan.field(), scan.fieldHash()), scan.automaton(), s);
                    }
                }
            }
            for (IntegerScan scan : integerScans) {
                scan.open(event.get(scan.field(), scan.fieldHash()), s);
            }
            // Candidates (every gate open) and ungated rules, tested in rule order so the matches
            // come out in the same order as without the prefilter.
            int candidates = 0;
            int[] cand = s.candidates;
            for (int i = 0; i < s.touchedCount; i++) {
                int r = s.touched[i];
                if (s.mask[r] == fullMask[r]) {
                    cand[candidates++] = r;
                }
            }
            Arrays.sort(cand, 0, candidates);
            int u = 0;
            int c = 0;
            while (u < ungatedRules.length || c < candidates) {
                int r;
                if (c >= candidates || (u < ungatedRules.length && ungatedRules[u] < cand[c])) {
                    r = ungatedRules[u++];
                } else {
                    r = cand[c++];
                }
                if (rules[r].test(event)) {
                    sink.accept(rules[r].match(event));
                }
            }
        } finally {
            s.end();
        }
    }

    /** A thread and its scratch state; immutable, so a racy read of {@link #recent} sees it whole. */
    private record Owned(Thread thread, Scratch scratch) { }

    /** Slots of {@link #recent}: more than the worker threads a scan runs. */
    private static final int RECENT = 16;
    /**
     * The scratch of each thread that matched lately, by thread id. {@link ThreadLocal#get}
     * costs a native call per event under the quick compiler; a thread finds its own entry
     * here with an array read and one comparison, and falls back to the thread-local only
     * when another thread took its slot.
     */
    private final Owned[] recent = new Owned[RECENT];

    private Scratch scratch() {
        Thread t = Thread.currentThread();
        int slot = (int) t.getId() & (RECENT - 1);
        Owned o = recent[slot];
        if (o != null && o.thread() == t) {
            return o.scratch();
        }
        Scratch s = scratch.get();
        recent[slot] = new Owned(t, s);
        return s;
    }

    private static void scanValue(Object value, LiteralAutomaton automaton, Scratch s) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            // Gates only collect which literals occur, so the order of hits is free.
            automaton.scanAnyOrder(text, s);
        } else if (value instanceof CharSequence cs) {
            automaton.scan(cs, s);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                scanValue(o, automaton, s);
            }
        } else {
            automaton.scan(value.toString(), s);
        }
    }

    /** Opens gates for one event on one thread; cleared through the list of rules touched. */
    private static final class Scratch implements LiteralAutomaton.HitSink {
        final int[] mask;
        final int[] touched;
        final int[] candidates;
        final ByteSlice slice = new ByteSlice();
        int touchedCount;
        FieldScan scan;

        Scratch(int rules) {
            mask = new int[rules];
            touched = new int[rules];
            candidates = new int[rules];
        }

        @Override
        public void hit(int literal) {
            open(scan.gatesOfLiteral()[literal]);
        }

        /** Opens gates, each encoded as {@code rule << 2 | gate}. */
        void open(int[] gates) {
            for (int encoded : gates) {
                int r = encoded >>> 2;
                int m = mask[r];
                if (m == 0) {
                    touched[touchedCount++] = r;
                }
                mask[r] = m | 1 << (encoded & 3);
            }
        }

        void end() {
            for (int i = 0; i < touchedCount; i++) {
                mask[touched[i]] = 0;
            }
            touchedCount = 0;
            scan = null;
        }
    }
}
