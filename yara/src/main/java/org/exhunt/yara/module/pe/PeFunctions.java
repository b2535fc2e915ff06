package org.exhunt.yara.module.pe;

import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleFunction;
import org.exhunt.yara.module.ModuleRegex;

/** The functions of {@code pe} over one parsed file. */
final class PeFunctions {

    private static final long IMPORT_STANDARD = 1;
    private static final long IMPORT_DELAYED = 2;
    /** What libyara reads for an unset integer; language checks on string-named resources see it. */
    private static final long YR_UNDEFINED = 0xFFFABADAFABADAFFL;

    private PeFunctions() {
    }

    static void fill(PeImage pe, Map<String, Object> root, List<ImportedDll> imports, List<ImportedDll> delayed) {
        root.put("imphash", (ModuleFunction) (a, d) -> imphash(imports));
        root.put("imports", (ModuleFunction) (a, d) -> importsCall(a, imports, delayed));
        root.put("exports", (ModuleFunction) (a, d) -> exports(root, a.get(0), false));
        root.put("exports_index", (ModuleFunction) (a, d) -> exports(root, a.get(0), true));
        root.put("section_index", (ModuleFunction) (a, d) -> sectionIndex(root, a.get(0)));
        root.put("is_dll", (ModuleFunction) (a, d) -> (long) (pe.characteristics() & 0x2000));
        root.put("is_32bit", (ModuleFunction) (a, d) -> pe.is64 ? 0L : 1L);
        root.put("is_64bit", (ModuleFunction) (a, d) -> pe.is64 ? 1L : 0L);
        root.put("rva_to_offset", (ModuleFunction) (a, d) -> {
            long offset = pe.rvaToOffset((Long) a.get(0));
            return offset == -1 ? null : offset;
        });
        root.put("calculate_checksum", (ModuleFunction) (a, d) -> checksum(pe));
        root.put("locale", (ModuleFunction) (a, d) -> languageMatch(root, (Long) a.get(0), 0xFFFF));
        root.put("language", (ModuleFunction) (a, d) -> languageMatch(root, (Long) a.get(0), 0xFF));
    }

    static String imphash(List<ImportedDll> imports) {
        StringBuilder text = new StringBuilder();
        for (ImportedDll dll : imports) {
            String name = dll.name();
            int dot = name.lastIndexOf('.');
            if (dot >= 0) {
                String ext = name.substring(dot);
                if (ext.length() >= 4 && (ext.regionMatches(true, 0, ".ocx", 0, 4)
                        || ext.regionMatches(true, 0, ".sys", 0, 4) || ext.regionMatches(true, 0, ".dll", 0, 4))) {
                    name = name.substring(0, dot);
                }
            }
            for (ImportedDll.Function f : dll.functions()) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(name).append('.').append(f.name());
            }
        }
        return HashHex.md5(asciiLower(text.toString()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    private static boolean equalsIgnoreAsciiCase(String a, String b) {
        return a != null && b != null && asciiLower(cString(a)).equals(asciiLower(cString(b)));
    }

    /** The string as C sees it: up to its first NUL. */
    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static Object importsCall(List<Object> a, List<ImportedDll> standard, List<ImportedDll> delayed) {
        long flags = IMPORT_STANDARD;
        List<Object> args = a;
        if (a.get(0) instanceof Long f) {
            flags = f;
            args = a.subList(1, a.size());
        }
        long result = 0;
        if ((flags & IMPORT_STANDARD) != 0) {
            result += imports(args, standard);
        }
        if ((flags & IMPORT_DELAYED) != 0) {
            long more = imports(args, delayed);
            // Name and ordinal lookups answer 1 or 0; counts (a library alone, regexes) add up.
            result = args.size() == 2 && !(args.get(0) instanceof ModuleRegex) ? Math.max(result, more) : result + more;
        }
        return result;
    }

    private static long imports(List<Object> args, List<ImportedDll> dlls) {
        if (args.get(0) instanceof ModuleRegex dllRe) {
            ModuleRegex fnRe = (ModuleRegex) args.get(1);
            long n = 0;
            for (ImportedDll dll : dlls) {
                if (dllRe.find(dll.name())) {
                    for (ImportedDll.Function f : dll.functions()) {
                        if (f.name() != null && fnRe.find(f.name())) {
                            n++;
                        }
                    }
                }
            }
            return n;
        }
        String dllName = (String) args.get(0);
        if (args.size() == 1) {
            long n = 0;
            for (ImportedDll dll : dlls) {
                if (equalsIgnoreAsciiCase(dll.name(), dllName)) {
                    n += dll.functions().size();
                }
            }
            return n;
        }
        Object wanted = args.get(1);
        for (ImportedDll dll : dlls) {
            if (!equalsIgnoreAsciiCase(dll.name(), dllName)) {
                continue;
            }
            for (ImportedDll.Function f : dll.functions()) {
                if (wanted instanceof Long ordinal ? f.byOrdinal() && f.ordinal() == ordinal
                        : equalsIgnoreAsciiCase(f.name(), (String) wanted)) {
                    return 1;
                }
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Object exports(Map<String, Object> root, Object wanted, boolean index) {
        long n = (Long) root.get("number_of_exports");
        Long notFound = index ? null : 0L;
        if (n == 0) {
            return notFound;
        }
        List<Object> details = (List<Object>) root.get("export_details");
        if (wanted instanceof Long ordinal && (ordinal == 0 || ordinal > n)) {
            return notFound;
        }
        for (int i = 0; i < details.size(); i++) {
            Map<String, Object> e = (Map<String, Object>) details.get(i);
            boolean match;
            if (wanted instanceof Long ordinal) {
                match = ordinal.equals(e.get("ordinal"));
            } else {
                Object name = e.get("name");
                if (!(name instanceof String s)) {
                    continue;
                }
                match = wanted instanceof ModuleRegex re ? re.find(s) : asciiLower(s).equals(asciiLower((String) wanted));
            }
            if (match) {
                return index ? (long) i : 1L;
            }
        }
        return notFound;
    }

    @SuppressWarnings("unchecked")
    private static Object sectionIndex(Map<String, Object> root, Object wanted) {
        List<Object> sections = (List<Object>) root.get("sections");
        for (int i = 0; i < sections.size(); i++) {
            Map<String, Object> s = (Map<String, Object>) sections.get(i);
            if (wanted instanceof Long address) {
                long start = (Long) s.get("raw_data_offset");
                if (address >= start && address < start + (Long) s.get("raw_data_size")) {
                    return (long) i;
                }
            } else if (cString((String) s.get("name")).equals(cString((String) wanted))) {
                return (long) i;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Object languageMatch(Map<String, Object> root, long wanted, int mask) {
        for (Object o : (List<Object>) root.get("resources")) {
            Object language = ((Map<String, Object>) o).get("language");
            long value = language instanceof Long l ? l : YR_UNDEFINED;
            if ((value & mask) == wanted) {
                return 1L;
            }
        }
        return 0L;
    }

    /** The PE checksum (as the loader computes it) with the stored CheckSum field read as zero. */
    static long checksum(PeImage pe) {
        byte[] d = pe.data;
        long checksumOffset = pe.optionalHeader + 64;
        long sum = 0;
        for (long i = 0; i <= d.length / 4; i++) {
            if (4 * i == checksumOffset) {
                continue;
            }
            if (4 * i + 4 <= d.length) {
                sum += PeImage.u32(d, (int) (4 * i));
            } else {
                for (int j = 0; j < d.length % 4; j++) {
                    sum += (long) (d[(int) (4 * i) + j] & 0xFF) << (8 * j);
                }
            }
            if (sum > 0xFFFFFFFFL) {
                sum = (sum & 0xFFFFFFFFL) + (sum >>> 32);
            }
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum += sum >>> 16;
        sum &= 0xFFFF;
        return sum + d.length;
    }

}
