package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.exhunt.sigma.prefilter.LiteralAutomaton;

/**
 * Literal-first matching. Every gated rule needs one of its literals in one of its fields;
 * one automaton per field finds, in a single pass over that field's value, all literals
 * present, which marks the candidate rules. Only candidates and ungated rules are evaluated.
 *
 * <p>Per-event scratch state lives in a thread-local, so matching allocates nothing until a
 * rule matches. Events that can show a field's bytes in place ({@link SigmaEvent#slice}) are
 * scanned without decoding the field at all; most events of a log are rejected that way.
 */
final class GatedMatcher implements Matcher {

    private final CompiledRule[] rules;
    private final boolean[] ungated;
    private final FieldScan[] scans;
    private final ThreadLocal<Scratch> scratch;
    private final boolean prefilter;

    /** One field (or all values, for keywords) with its automaton and which rules each literal serves. */
    private record FieldScan(String field, boolean keywords, LiteralAutomaton automaton, int[][] rulesOfLiteral) { }

    GatedMatcher(List<CompiledRule> compiled, boolean prefilter) {
        this.rules = compiled.toArray(new CompiledRule[0]);
        this.prefilter = prefilter;
        this.ungated = new boolean[rules.length];
        Map<String, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            Map<String, Set<String>> gate = rules[i].gate();
            if (gate == null || !prefilter) {
                ungated[i] = true;
                continue;
            }
            for (Map.Entry<String, Set<String>> e : gate.entrySet()) {
                Map<String, List<Integer>> lits = byField.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (String lit : e.getValue()) {
                    lits.computeIfAbsent(lit, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<FieldScan> built = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Integer>>> e : byField.entrySet()) {
            List<String> literals = new ArrayList<>(e.getValue().keySet());
            int[][] owners = new int[literals.size()][];
            for (int l = 0; l < literals.size(); l++) {
                owners[l] = e.getValue().get(literals.get(l)).stream().mapToInt(Integer::intValue).toArray();
            }
            boolean keywords = e.getKey().equals(LiteralGate.KEYWORDS);
            built.add(new FieldScan(keywords ? null : e.getKey(), keywords, LiteralAutomaton.of(literals), owners));
        }
        this.scans = built.toArray(new FieldScan[0]);
        int n = rules.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /** How many rules are evaluated only when one of their literals is seen. */
    int gatedRules() {
        int n = 0;
        for (boolean u : ungated) {
            if (!u) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int ruleCount() {
        return rules.length;
    }

    @Override
    public void match(SigmaEvent event, Consumer<RuleMatch> sink) {
        Scratch s = scratch.get();
        s.begin();
        try {
            for (FieldScan scan : scans) {
                s.scan = scan;
                if (scan.keywords()) {
                    for (String v : event.values()) {
                        if (v != null) {
                            scan.automaton().scan(v, s);
                        }
                    }
                } else {
                    ByteSlice slice = s.slice;
                    if (!event.slice(scan.field(), slice)
                            || !scan.automaton().scanAscii(slice.bytes, slice.start, slice.end, slice.plusIsSpace, s)) {
                        scanValue(event.get(scan.field()), scan.automaton(), s);
                    }
                }
            }
            for (int i = 0; i < rules.length; i++) {
                if ((ungated[i] || s.candidate[i]) && rules[i].test(event)) {
                    sink.accept(rules[i].match(event));
                }
            }
        } finally {
            s.end();
        }
    }

    private static void scanValue(Object value, LiteralAutomaton automaton, Scratch s) {
        if (value == null) {
            return;
        }
        if (value instanceof CharSequence cs) {
            automaton.scan(cs, s);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                scanValue(o, automaton, s);
            }
        } else {
            automaton.scan(value.toString(), s);
        }
    }

    /** Marks candidates for one event on one thread; cleared through the list of marked rules. */
    private static final class Scratch implements LiteralAutomaton.HitSink {
        final boolean[] candidate;
        final int[] marked;
        final ByteSlice slice = new ByteSlice();
        int markedCount;
        FieldScan scan;

        Scratch(int rules) {
            candidate = new boolean[rules];
            marked = new int[rules];
        }

        void begin() {
            markedCount = 0;
        }

        @Override
        public void hit(int literal) {
            for (int r : scan.rulesOfLiteral()[literal]) {
                if (!candidate[r]) {
                    candidate[r] = true;
                    marked[markedCount++] = r;
                }
            }
        }

        void end() {
            for (int i = 0; i < markedCount; i++) {
                candidate[marked[i]] = false;
            }
            markedCount = 0;
            scan = null;
        }
    }

}
