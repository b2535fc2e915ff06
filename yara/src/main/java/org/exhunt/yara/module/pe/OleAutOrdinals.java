package org.exhunt.yara.module.pe;

/** Ordinal names of oleaut32.dll. */
final class OleAutOrdinals {

    private OleAutOrdinals() {
    }

    static String name(int ordinal) {
        return null;
    }
}
