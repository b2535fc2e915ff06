package org.exhunt.yara.module.pe;

/** Ordinal names of ws2_32.dll / wsock32.dll. */
final class WinsockOrdinals {

    private WinsockOrdinals() {
    }

    static String name(int ordinal) {
        return null;
    }
}
