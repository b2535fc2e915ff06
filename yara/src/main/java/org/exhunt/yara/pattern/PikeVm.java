package org.exhunt.yara.pattern;

/**
 * Runs a {@link Program} anchored at one start offset, all NFA threads in lock step (a Pike VM):
 * time is bounded by program size times bytes consumed, never exponential. Threads are kept in
 * priority order and a match cuts every thread of lower priority, so the length found is the one
 * a backtracking engine (and YARA) would report. Not thread-safe: one instance per scan.
 */
final class PikeVm {

    private static final Node.Kind[] KINDS = Node.Kind.values();

    private final Program prog;
    /** Bytes per character: 2 for {@code wide}, where every character is followed by a zero byte. */
    private final int charSize;
    private int[] clist;
    private int[] nlist;
    private final int[] mark;
    private final int[] stack;
    private int generation;
    /** End of the bytes this match may look at: the buffer's end or the length cap. */
    private int limit;

    PikeVm(Program prog, boolean wide) {
        this.prog = prog;
        this.charSize = wide ? 2 : 1;
        int n = prog.size();
        this.clist = new int[n];
        this.nlist = new int[n];
        this.mark = new int[n];
        this.stack = new int[n * 2 + 2];
    }

    /**
     * Length of the preferred match starting at {@code start}, or -1. Never consumes more than
     * {@link Limits#MAX_MATCH_LENGTH} bytes.
     */
    int match(byte[] data, int start) {
        limit = (int) Math.min(data.length, (long) start + Limits.MAX_MATCH_LENGTH);
        int matched = -1;
        nextGeneration();
        int ccount = addThread(clist, 0, 0, data, start);
        int p = start;
        byte[] op = prog.op;
        while (ccount > 0) {
            int ncount = 0;
            nextGeneration();
            boolean canStep = p + charSize <= limit && (charSize == 1 || data[p + 1] == 0);
            int b = canStep ? data[p] & 0xFF : -1;
            for (int i = 0; i < ccount; i++) {
                int pc = clist[i];
                if (op[pc] == Program.MATCH) {
                    matched = p - start;
                    break;
                }
                if (canStep && prog.sets[prog.x[pc]].contains(b)) {
                    ncount = addThread(nlist, ncount, pc + 1, data, p + charSize);
                }
            }
            int[] t = clist;
            clist = nlist;
            nlist = t;
            ccount = ncount;
            p += charSize;
        }
        return matched;
    }

    /**
     * Adds {@code pc} and everything reachable from it without consuming input, in priority
     * order, skipping instructions already on the list for this step.
     */
    private int addThread(int[] list, int count, int pc0, byte[] data, int p) {
        int sp = 0;
        stack[sp++] = pc0;
        byte[] op = prog.op;
        while (sp > 0) {
            int pc = stack[--sp];
            if (mark[pc] == generation) continue;
            mark[pc] = generation;
            switch (op[pc]) {
                case Program.JMP -> stack[sp++] = prog.x[pc];
                case Program.SPLIT -> {
                    stack[sp++] = prog.y[pc];
                    stack[sp++] = prog.x[pc];
                }
                case Program.ASSERT -> {
                    if (holds(KINDS[prog.x[pc]], data, p)) stack[sp++] = pc + 1;
                }
                default -> list[count++] = pc;
            }
        }
        return count;
    }

    private void nextGeneration() {
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(mark, 0);
            generation = 1;
        }
    }

    private boolean holds(Node.Kind kind, byte[] data, int p) {
        return switch (kind) {
            case START_OF_DATA -> p == 0;
            case END_OF_DATA -> p == data.length;
            case WORD_BOUNDARY -> atEdge(p) || wordAt(data, p - charSize) != wordAt(data, p);
            case NOT_WORD_BOUNDARY -> !atEdge(p) && wordAt(data, p - charSize) == wordAt(data, p);
        };
    }

    /**
     * libyara counts a boundary wherever there is nothing to look at on one side: at the start
     * of the buffer and where the input it may read ends (buffer end or length cap).
     */
    private boolean atEdge(int p) {
        return p < charSize || p + charSize > limit;
    }

    private boolean wordAt(byte[] data, int p) {
        if (p < 0 || p + charSize > data.length) return false;
        if (charSize == 2 && data[p + 1] != 0) return false;
        return RegexParser.WORD.contains(data[p] & 0xFF);
    }
}
