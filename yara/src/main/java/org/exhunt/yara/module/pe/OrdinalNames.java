package org.exhunt.yara.module.pe;

/**
 * Names of functions imported by ordinal, for the libraries YARA (after pefile) knows:
 * ws2_32/wsock32 and oleaut32. Other ordinals read as {@code ordN}.
 */
final class OrdinalNames {

    private OrdinalNames() {
    }

    static String lookup(String dll, int ordinal) {
        String name = null;
        if (startsWithIgnoreCase(dll, "WS2_32.dll") || startsWithIgnoreCase(dll, "wsock32.dll")) {
            name = WinsockOrdinals.name(ordinal);
        } else if (startsWithIgnoreCase(dll, "oleaut32.dll")) {
            name = OleAutOrdinals.name(ordinal);
        }
        return name != null ? name : "ord" + ordinal;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
