package org.exhunt.yara.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A Thompson NFA for one {@link Node}: instructions in arrays so the matcher walks them without
 * allocating. Alternatives keep their order in {@code SPLIT}s (first operand preferred), which is
 * what gives Perl-style priority to the matcher.
 */
final class Program {

    static final byte BYTE = 0;
    static final byte SPLIT = 1;
    static final byte JMP = 2;
    static final byte ASSERT = 3;
    static final byte MATCH = 4;

    final byte[] op;
    final int[] x;
    final int[] y;
    final ByteClass[] sets;

    private Program(byte[] op, int[] x, int[] y, ByteClass[] sets) {
        this.op = op;
        this.x = x;
        this.y = y;
        this.sets = sets;
    }

    int size() {
        return op.length;
    }

    /**
     * Adds {@code pc0} and every instruction reachable from it without consuming a byte to
     * {@code out} (from {@code count} on), skipping those already marked with {@code generation};
     * position assertions count as true. For the matchers that may over-approximate (the
     * backward prefix and the quick-reject DFA); the Pike VM checks assertions itself.
     *
     * @return the new count
     */
    int closeOver(int pc0, int[] stack, int[] mark, int generation, int[] out, int count) {
        int sp = 0;
        stack[sp++] = pc0;
        while (sp > 0) {
            int pc = stack[--sp];
            if (mark[pc] == generation) continue;
            mark[pc] = generation;
            switch (op[pc]) {
                case JMP -> stack[sp++] = x[pc];
                case SPLIT -> {
                    stack[sp++] = y[pc];
                    stack[sp++] = x[pc];
                }
                case ASSERT -> stack[sp++] = pc + 1;
                default -> out[count++] = pc;
            }
        }
        return count;
    }

    static Program compile(Node root, String source) {
        Builder b = new Builder(source);
        b.emit(root);
        b.add(MATCH, 0, 0, null);
        return b.build();
    }

    private static final class Builder {
        private final String source;
        private byte[] op = new byte[64];
        private int[] x = new int[64];
        private int[] y = new int[64];
        private final List<ByteClass> sets = new ArrayList<>();
        private final java.util.Map<ByteClass, Integer> setIndex = new java.util.HashMap<>();
        private int n;

        Builder(String source) {
            this.source = source;
        }

        int add(byte o, int a, int b, ByteClass set) {
            if (n >= Limits.MAX_PROGRAM_SIZE) {
                throw new PatternSyntaxException(source, 1, "pattern too large once repeats are unrolled (over "
                        + Limits.MAX_PROGRAM_SIZE + " instructions)");
            }
            if (n == op.length) {
                op = java.util.Arrays.copyOf(op, n * 2);
                x = java.util.Arrays.copyOf(x, n * 2);
                y = java.util.Arrays.copyOf(y, n * 2);
            }
            if (set != null) {
                a = setIndex.computeIfAbsent(set, s -> {
                    sets.add(s);
                    return sets.size() - 1;
                });
            }
            op[n] = o;
            x[n] = a;
            y[n] = b;
            return n++;
        }

        void emit(Node node) {
            if (node instanceof Node.One one) {
                add(BYTE, 0, 0, one.accepts());
            } else if (node instanceof Node.Concat c) {
                c.items().forEach(this::emit);
            } else if (node instanceof Node.Assert a) {
                add(ASSERT, a.kind().ordinal(), 0, null);
            } else if (node instanceof Node.Repeat r) {
                emitRepeat(r);
            } else if (node instanceof Node.Alt alt) {
                    List<Integer> exits = new ArrayList<>();
                    List<Node> options = alt.options();
                    for (int i = 0; i < options.size(); i++) {
                        if (i < options.size() - 1) {
                            int split = add(SPLIT, 0, 0, null);
                            x[split] = n;
                            emit(options.get(i));
                            exits.add(add(JMP, 0, 0, null));
                            y[split] = n;
                        } else {
                            emit(options.get(i));
                        }
                    }
                    for (int j : exits) x[j] = n;
            }
        }

        private void emitRepeat(Node.Repeat r) {
            for (int i = 0; i < r.min(); i++) emit(r.body());
            if (r.max() == Node.Repeat.UNBOUNDED) {
                int split = add(SPLIT, 0, 0, null);
                int bodyStart = n;
                emit(r.body());
                add(JMP, split, 0, null);
                preferBody(split, bodyStart, n, r.greedy());
            } else {
                List<Integer> splits = new ArrayList<>();
                for (int i = r.min(); i < r.max(); i++) {
                    int split = add(SPLIT, 0, 0, null);
                    splits.add(split);
                    x[split] = n;
                    emit(r.body());
                }
                for (int s : splits) preferBody(s, s + 1, n, r.greedy());
            }
        }

        private void preferBody(int split, int body, int out, boolean greedy) {
            x[split] = greedy ? body : out;
            y[split] = greedy ? out : body;
        }

        Program build() {
            return new Program(java.util.Arrays.copyOf(op, n), java.util.Arrays.copyOf(x, n),
                    java.util.Arrays.copyOf(y, n), sets.toArray(new ByteClass[0]));
        }
    }
}
