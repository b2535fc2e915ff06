package org.exhunt.yara.pattern;

/**
 * Regexes and hex strings (one chain piece): the NFA run anchored at the start offset, ASCII
 * first then wide, as YARA tries them. An empty match is no match.
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
                int len = -1;
                boolean usedWide = false;
                if (ascii) {
                    if (narrowVm == null) narrowVm = new PikeVm(program, false);
                    len = narrowVm.match(data, start);
                }
                if (len < 0 && wide) {
                    if (wideVm == null) wideVm = new PikeVm(program, true);
                    len = wideVm.match(data, start);
                    usedWide = true;
                }
                if (len <= 0) return -1;
                return !fullword || Fullword.delimited(data, start, len, usedWide) ? len : -1;
            }
        };
    }
}
