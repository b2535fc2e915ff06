package org.exhunt.yara.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the conditions that state our {@code pe} values for one file, for yara to confirm. */
final class PeChecks {

    private static final Set<String> DICTIONARIES = Set.of("pe.version_info");

    private PeChecks() {
    }

    @SuppressWarnings("unchecked")
    static List<String> conditions(byte[] data) {
        Map<String, Object> pe = BuiltinRuntimes.forName("pe").orElseThrow().load(data);
        List<String> out = new ArrayList<>();
        YaraOracle.flatten("pe", pe, DICTIONARIES, out);
        // Top-level scalars we leave undefined must be undefined in yara too.
        for (Map.Entry<String, ValueType> f : BuiltinModules.pe().root().fields().entrySet()) {
            if (f.getValue() instanceof ValueType.Scalar && !pe.containsKey(f.getKey())) {
                out.add("not defined pe." + f.getKey());
            }
        }
        for (String fn : List.of("imphash", "is_dll", "is_32bit", "is_64bit", "calculate_checksum")) {
            out.add(YaraOracle.equal("pe." + fn + "()", call(pe, fn)));
        }
        out.add(YaraOracle.equal("pe.exports(\"NoSuchExport\")", call(pe, "exports", "NoSuchExport")));
        // Regex forms, with java.util.regex standing in for the engine (these expressions mean the same in both).
        for (String re : new String[] {"Run", "^Dll", "export$", "nothing_like_this"}) {
            out.add(YaraOracle.equal("pe.exports(/" + re + "/)", call(pe, "exports", regex(re))));
            out.add(YaraOracle.equal("pe.exports_index(/" + re + "/)", call(pe, "exports_index", regex(re))));
        }
        for (String[] re : new String[][] {{"KERNEL32", "Virtual"}, {"\\.dll$", "A$"}, {"ws2_32", "."}, {"nope", "."}}) {
            out.add(YaraOracle.equal("pe.imports(/" + re[0] + "/, /" + re[1] + "/)",
                    call(pe, "imports", regex(re[0]), regex(re[1]))));
            out.add(YaraOracle.equal("pe.imports(pe.IMPORT_ANY, /" + re[0] + "/i, /" + re[1] + "/)",
                    call(pe, "imports", -1L, regex("(?i)" + re[0]), regex(re[1]))));
        }
        for (String[] probe : new String[][] {{"WS2_32.dll", "connect"}, {"wininet.dll", "InternetOpenA"},
                {"shell32.dll", "ShellExecuteW"}, {"KERNEL32.dll", "GetProcAddress"}}) {
            for (long flags : new long[] {1, 2, -1}) {
                String call = "pe.imports(" + flags + ", " + YaraOracle.quote(probe[0]) + ", " + YaraOracle.quote(probe[1]) + ")";
                out.add(YaraOracle.equal(call, call(pe, "imports", flags, probe[0], probe[1])));
            }
            String dll = "pe.imports(pe.IMPORT_ANY, " + YaraOracle.quote(probe[0]) + ")";
            out.add(YaraOracle.equal(dll, call(pe, "imports", -1L, probe[0])));
            out.add(YaraOracle.equal("pe.imports(pe.IMPORT_DELAYED, " + YaraOracle.quote(probe[0]) + ", 3)",
                    call(pe, "imports", 2L, probe[0], 3L)));
        }
        out.add(YaraOracle.equal("pe.imports(\"nosuch.dll\", \"f\")", call(pe, "imports", "nosuch.dll", "f")));
        out.add(YaraOracle.equal("pe.section_index(\".nosuch\")", call(pe, "section_index", ".nosuch")));
        for (long language : new long[] {0, 9, 0x409, 0x407}) {
            out.add(YaraOracle.equal("pe.locale(" + language + ")", call(pe, "locale", language)));
            out.add(YaraOracle.equal("pe.language(" + language + ")", call(pe, "language", language)));
        }
        for (long rva : new long[] {0, 0x1000, 0x2000, 0x10000}) {
            out.add(YaraOracle.equal("pe.rva_to_offset(" + rva + ")", call(pe, "rva_to_offset", rva)));
        }
        if (pe.get("import_details") instanceof List<?> imports) {
            for (Object o : imports) {
                Map<String, Object> dll = (Map<String, Object>) o;
                String name = (String) dll.get("library_name");
                out.add(YaraOracle.equal("pe.imports(" + YaraOracle.quote(name) + ")", call(pe, "imports", name)));
                for (Object f : (List<Object>) dll.get("functions")) {
                    Object fn = ((Map<String, Object>) f).get("name");
                    if (fn instanceof String s) {
                        out.add(YaraOracle.equal("pe.imports(" + YaraOracle.quote(name) + ", " + YaraOracle.quote(s) + ")",
                                call(pe, "imports", name, s)));
                    }
                }
            }
        }
        if (pe.get("export_details") instanceof List<?> exports) {
            for (Object o : exports) {
                Object name = ((Map<String, Object>) o).get("name");
                if (name instanceof String s) {
                    out.add(YaraOracle.equal("pe.exports(" + YaraOracle.quote(s) + ")", call(pe, "exports", s)));
                    out.add(YaraOracle.equal("pe.exports_index(" + YaraOracle.quote(s) + ")", call(pe, "exports_index", s)));
                }
                Object ordinal = ((Map<String, Object>) o).get("ordinal");
                out.add(YaraOracle.equal("pe.exports(" + ordinal + ")", call(pe, "exports", ordinal)));
            }
        }
        if (pe.get("sections") instanceof List<?> sections) {
            for (Object o : sections) {
                String name = (String) ((Map<String, Object>) o).get("name");
                if (name.indexOf('\0') < 0) {
                    out.add(YaraOracle.equal("pe.section_index(" + YaraOracle.quote(name) + ")", call(pe, "section_index", name)));
                }
                Object offset = ((Map<String, Object>) o).get("raw_data_offset");
                out.add(YaraOracle.equal("pe.section_index(" + offset + ")", call(pe, "section_index", offset)));
            }
        }
        Map<String, Object> rich = (Map<String, Object>) pe.get("rich_signature");
        for (long v : new long[] {0, 30729, 40219, 50727}) {
            out.add(YaraOracle.equal("pe.rich_signature.version(" + v + ")", call(rich, "version", v)));
            out.add(YaraOracle.equal("pe.rich_signature.toolid(" + (v % 300) + ")", call(rich, "toolid", v % 300)));
        }
        return out;
    }

    static ModuleRegex regex(String expression) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(expression);
        return text -> p.matcher(text).find();
    }

    static Object call(Map<String, Object> values, String function, Object... args) {
        return ((ModuleFunction) values.get(function)).call(List.of(args), new byte[0]);
    }
}
