package org.exhunt.yara.pattern;

/**
 * Regexes and hex strings (one chain piece): the NFA run anchored at the start offset, ASCII
 * first then wide; a form that {@code fullword} rejects lets the other one match, as YARA
 * verifies each form separately. An empty match is no match.
 */
final class RegexVerifier implements Verifier {

    private final Program program;
    /** Each thread keeps its DFA across buffers: the states a string needs are learnt once. */
    private final ThreadLocal<QuickReject> quickReject;
    private final boolean ascii;
    private final boolean wide;
    private final boolean fullword;

    RegexVerifier(Program program, boolean ascii, boolean wide, boolean fullword) {
        this.program = program;
        this.quickReject = ThreadLocal.withInitial(() -> new QuickReject(program));
        this.ascii = ascii;
        this.wide = wide;
        this.fullword = fullword;
    }

    @Override
    public Session open(byte[] data) {
        return new Session() {
            private PikeVm narrowVm;
            private PikeVm wideVm;
            private QuickReject reject;

            @Override
            public int matchAt(int start) {
                if (ascii) {
                    if (reject == null) reject = quickReject.get();
                    if (!reject.mayMatch(data, start, (int) Math.min(data.length, (long) start + Limits.MAX_MATCH_LENGTH))) {
                        return wide ? wideMatch(start) : -1;
                    }
                    if (narrowVm == null) narrowVm = new PikeVm(program, false);
                    int len = narrowVm.match(data, start);
                    if (len > 0 && (!fullword || Fullword.delimited(data, start, len, false))) return len;
                }
                return wide ? wideMatch(start) : -1;
            }

            private int wideMatch(int start) {
                if (wideVm == null) wideVm = new PikeVm(program, true);
                int len = wideVm.match(data, start);
                return len > 0 && (!fullword || Fullword.delimited(data, start, len, true)) ? len : -1;
            }
        };
    }
}
