package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code number_of_imports}, {@code import_details} and their counterparts for delay-load imports. */
final class ImportDetails {

    private ImportDetails() {
    }

    static void fill(Map<String, Object> root, PeImports.Table table, List<ImportedDll> delayed) {
        List<ImportedDll> imports = table.dlls();
        root.put("number_of_imports", (long) table.descriptors());
        root.put("number_of_imported_functions", functionCount(imports));
        root.put("number_of_delayed_imports", (long) delayed.size());
        root.put("number_of_delayed_imported_functions", functionCount(delayed));
        List<Object> details = new ArrayList<>();
        // YARA 4.2 numbers functions across libraries: the second library's functions start at the
        // index after the first library's last, and number_of_functions is that running count.
        int running = 0;
        for (ImportedDll dll : imports) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("library_name", dll.name());
            List<Object> functions = new ArrayList<>();
            for (int i = 0; i < running; i++) {
                functions.add(Map.of());
            }
            for (ImportedDll.Function f : dll.functions()) {
                Map<String, Object> fn = new LinkedHashMap<>();
                if (f.name() != null) {
                    fn.put("name", f.name());
                }
                if (f.byOrdinal()) {
                    fn.put("ordinal", f.ordinal());
                }
                functions.add(fn);
            }
            running = functions.size();
            d.put("number_of_functions", (long) running);
            d.put("functions", functions);
            details.add(d);
        }
        root.put("import_details", details);
    }

    private static long functionCount(List<ImportedDll> dlls) {
        long n = 0;
        for (ImportedDll dll : dlls) {
            n += dll.functions().size();
        }
        return n;
    }
}
