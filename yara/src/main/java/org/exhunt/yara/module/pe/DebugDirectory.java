package org.exhunt.yara.module.pe;

/** {@code pdb_path}: the PDB file name of the first CodeView debug entry (NB10, RSDS or MTOC). */
final class DebugDirectory {

    private static final int MAX_PATH = 1024;

    private DebugDirectory() {
    }

    static String pdbPath(PeImage pe) {
        long[] dir = pe.directory(6);
        if (dir[1] == 0 || dir[0] == 0) {
            return null;
        }
        long start = pe.rvaToOffset(dir[0]);
        if (start < 0) {
            return null;
        }
        long count = dir[1] / 28;
        for (long i = 0; i < count; i++) {
            long entry = start + i * 28;
            if (!pe.fits(entry, 28)) {
                break;
            }
            if (pe.u32(entry + 12) != 2) {
                continue;
            }
            long cv = 0;
            long rawAddress = pe.u32(entry + 20);
            if (rawAddress != 0) {
                cv = pe.rvaToOffset(rawAddress);
            }
            if (cv <= 0 && pe.u32(entry + 24) != 0) {
                cv = pe.u32(entry + 24);
            }
            if (cv <= 0 || !pe.fits(cv, 8)) {
                continue;
            }
            long signature = pe.u32(cv);
            long name = -1;
            if (signature == 0x3031424EL && pe.fits(cv, 20)) { // "NB10"
                name = cv + 16;
            } else if (signature == 0x53445352L && pe.fits(cv, 28)) { // "RSDS"
                name = cv + 24;
            } else if (signature == 0x434F544DL && pe.fits(cv, 24)) { // "MTOC"
                name = cv + 20;
            }
            if (name >= 0) {
                long limit = Math.min(pe.available(name), MAX_PATH);
                String path = pe.cString(name, limit);
                if (!path.isEmpty() && path.length() < MAX_PATH) {
                    return path;
                }
            }
        }
        return null;
    }
}
