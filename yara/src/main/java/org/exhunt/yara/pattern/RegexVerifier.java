package org.exhunt.yara.pattern;

/**
 * Regexes and hex strings (one chain piece): the NFA run anchored at the start offset, ASCII
 * first then wide; a form that {@code fullword} rejects lets the other one match, as YARA
 * verifies each form separately. An empty match is no match.
 */
final class RegexVerifier implements Verifier {

    private final Program program;
    private final boolean ascii;
    private final boolean wide;
    private final boolean fullword;

    RegexVerifier(Program program, boolean ascii, boolean wide, boolean fullword) {
        this.program = program;
        this.ascii = ascii;
        this.wide = wide;
        this.fullword = fullword;
    }

    @Override
    public Session open(byte[] data) {
        return new Session() {
            private PikeVm narrowVm;
            private PikeVm wideVm;

            @Override
            public int matchAt(int start) {
                if (ascii) {
                    if (narrowVm == null) narrowVm = new PikeVm(program, false);
                    int len = narrowVm.match(data, start);
                    if (len > 0 && (!fullword || Fullword.delimited(data, start, len, false))) return len;
                }
                if (wide) {
                    if (wideVm == null) wideVm = new PikeVm(program, true);
                    int len = wideVm.match(data, start);
                    if (len > 0 && (!fullword || Fullword.delimited(data, start, len, true))) return len;
                }
                return -1;
            }
        };
    }
}
