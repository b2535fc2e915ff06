package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds where a match can start from where one of its atoms was found, by running the part of
 * the pattern before the atom backwards, as libyara does. An atom preceded by {@code \s*} or
 * {@code \w{0,30}} could otherwise belong to a match starting at any of thousands of offsets,
 * each verified from scratch; walking back once names only the offsets from which the prefix
 * really reaches the atom.
 *
 * <p>The backward program errs on the generous side — position assertions ({@code \b}, {@code ^})
 * are dropped from it — so it may name a start the forward match then rejects, never miss one.
 * Not thread-safe: one instance per program per scan.
 */
final class Backward {

    private final Program prog;
    private int[] clist;
    private int[] nlist;
    private final int[] mark;
    private final int[] stack;
    private int generation;

    Backward(Program prog) {
        this.prog = prog;
        int n = prog.size();
        this.clist = new int[n];
        this.nlist = new int[n];
        this.mark = new int[n];
        this.stack = new int[n * 2 + 2];
    }

    /** The program of {@code before} reversed, or null when there is nothing before (start = atom). */
    static Program program(List<Node> before) {
        if (before.isEmpty()) return null;
        List<Node> reversed = new ArrayList<>();
        for (Node n : before) reversed.add(reverse(n));
        Collections.reverse(reversed);
        try {
            return Program.compile(new Node.Concat(reversed), "(prefix)");
        } catch (PatternSyntaxException tooLarge) {
            return null;
        }
    }

    private static Node reverse(Node n) {
        if (n instanceof Node.Concat c) {
            List<Node> items = new ArrayList<>();
            for (Node i : c.items()) items.add(reverse(i));
            Collections.reverse(items);
            return new Node.Concat(items);
        }
        if (n instanceof Node.Alt a) {
            List<Node> options = new ArrayList<>();
            for (Node o : a.options()) options.add(reverse(o));
            return new Node.Alt(options);
        }
        if (n instanceof Node.Repeat r) return new Node.Repeat(reverse(r.body()), r.min(), r.max(), r.greedy());
        if (n instanceof Node.Assert) return new Node.Empty();
        return n;
    }

    interface Starts {
        void at(int start);
    }

    /**
     * Reports, from {@code atom} downwards, every offset {@code s >= floor} such that the
     * prefix matches exactly {@code data[s, atom)}.
     */
    void starts(byte[] data, int atom, int floor, Starts out) {
        int p = atom;
        next();
        int count = add(clist, 0, 0);
        while (count > 0) {
            boolean matched = false;
            for (int i = 0; i < count && !matched; i++) matched = prog.op[clist[i]] == Program.MATCH;
            if (matched) out.at(p);
            if (p <= floor || p == 0) return;
            int b = data[p - 1] & 0xFF;
            next();
            int ncount = 0;
            for (int i = 0; i < count; i++) {
                int pc = clist[i];
                if (prog.op[pc] == Program.BYTE && prog.sets[prog.x[pc]].contains(b)) ncount = add(nlist, ncount, pc + 1);
            }
            int[] t = clist;
            clist = nlist;
            nlist = t;
            count = ncount;
            p--;
        }
    }

    /** Adds pc and what it reaches without consuming a byte. */
    private int add(int[] list, int count, int pc0) {
        return prog.closeOver(pc0, stack, mark, generation, list, count);
    }

    private void next() {
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(mark, 0);
            generation = 1;
        }
    }
}
