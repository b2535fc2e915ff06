package org.exhunt.yara.module.pe;

import java.util.List;

/** One imported library with the functions read for it, in table order. */
record ImportedDll(String name, List<Function> functions) {

    /** An imported function; {@code ordinal} is -1 for imports by name. */
    record Function(String name, long ordinal, long rva) {

        boolean byOrdinal() {
            return ordinal >= 0;
        }
    }
}
