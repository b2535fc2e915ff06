package org.exhunt.yara.module.pe;

import java.util.HashMap;
import java.util.Map;

/** Ordinal to name, built from runs of consecutive ordinals. */
final class OrdinalTable {

    private final Map<Integer, String> names = new HashMap<>();

    OrdinalTable(Object[][] runs) {
        for (Object[] run : runs) {
            int ordinal = (Integer) run[0];
            for (String name : ((String) run[1]).split(" ")) {
                names.put(ordinal++, name);
            }
        }
    }

    /** The name of {@code ordinal}, or null when the table has none. */
    String name(int ordinal) {
        return names.get(ordinal);
    }
}
