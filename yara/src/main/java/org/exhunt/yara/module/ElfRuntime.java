package org.exhunt.yara.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime of YARA's {@code elf} module: the ELF header fields, the section table (with names
 * from the section name table), the program headers, the dynamic section and the symbol tables
 * ({@code symtab} and {@code dynsym}), for 32- and 64-bit files of either byte order.
 * {@code entry_point} is a file offset, found through the program headers for executables and
 * through the sections otherwise, as YARA does.
 */
final class ElfRuntime implements ModuleRuntime {

    /** More entries than any real file has; bounds the work on a lying count. */
    private static final int MAX_ENTRIES = 1 << 16;
    /** Bound on symbols and dynamic entries read, far above real files, against lying sizes. */
    private static final long MAX_SYMBOLS = 1 << 22;

    private static final Map<String, Object> CONSTANTS = new LinkedHashMap<>();

    static {
        Object[][] values = {
            {"ET_NONE", 0}, {"ET_REL", 1}, {"ET_EXEC", 2}, {"ET_DYN", 3}, {"ET_CORE", 4},
            {"EM_NONE", 0}, {"EM_M32", 1}, {"EM_SPARC", 2}, {"EM_386", 3}, {"EM_68K", 4}, {"EM_88K", 5},
            {"EM_860", 7}, {"EM_MIPS", 8}, {"EM_MIPS_RS3_LE", 10}, {"EM_PPC", 20}, {"EM_PPC64", 21}, {"EM_ARM", 40},
            {"EM_X86_64", 62}, {"EM_AARCH64", 183},
            {"SHT_NULL", 0}, {"SHT_PROGBITS", 1}, {"SHT_SYMTAB", 2}, {"SHT_STRTAB", 3}, {"SHT_RELA", 4},
            {"SHT_HASH", 5}, {"SHT_DYNAMIC", 6}, {"SHT_NOTE", 7}, {"SHT_NOBITS", 8}, {"SHT_REL", 9},
            {"SHT_SHLIB", 10}, {"SHT_DYNSYM", 11},
            {"SHF_WRITE", 1}, {"SHF_ALLOC", 2}, {"SHF_EXECINSTR", 4},
            {"PT_NULL", 0}, {"PT_LOAD", 1}, {"PT_DYNAMIC", 2}, {"PT_INTERP", 3}, {"PT_NOTE", 4}, {"PT_SHLIB", 5},
            {"PT_PHDR", 6}, {"PT_TLS", 7}, {"PT_GNU_EH_FRAME", 0x6474e550}, {"PT_GNU_STACK", 0x6474e551},
            {"PF_X", 1}, {"PF_W", 2}, {"PF_R", 4},
            {"DT_NULL", 0}, {"DT_NEEDED", 1}, {"DT_PLTRELSZ", 2}, {"DT_PLTGOT", 3}, {"DT_HASH", 4}, {"DT_STRTAB", 5},
            {"DT_SYMTAB", 6}, {"DT_RELA", 7}, {"DT_RELASZ", 8}, {"DT_RELAENT", 9}, {"DT_STRSZ", 10},
            {"DT_SYMENT", 11}, {"DT_INIT", 12}, {"DT_FINI", 13}, {"DT_SONAME", 14}, {"DT_RPATH", 15},
            {"DT_SYMBOLIC", 16}, {"DT_REL", 17}, {"DT_RELSZ", 18}, {"DT_RELENT", 19}, {"DT_PLTREL", 20},
            {"DT_DEBUG", 21}, {"DT_TEXTREL", 22}, {"DT_JMPREL", 23}, {"DT_BIND_NOW", 24}, {"DT_INIT_ARRAY", 25},
            {"DT_FINI_ARRAY", 26}, {"DT_INIT_ARRAYSZ", 27}, {"DT_FINI_ARRAYSZ", 28}, {"DT_RUNPATH", 29},
            {"DT_FLAGS", 30}, {"DT_ENCODING", 32},
            {"STT_NOTYPE", 0}, {"STT_OBJECT", 1}, {"STT_FUNC", 2}, {"STT_SECTION", 3}, {"STT_FILE", 4},
            {"STT_COMMON", 5}, {"STT_TLS", 6}, {"STB_LOCAL", 0}, {"STB_GLOBAL", 1}, {"STB_WEAK", 2}};
        for (Object[] v : values) {
            CONSTANTS.put((String) v[0], ((Number) v[1]).longValue());
        }
    }

    @Override
    public String name() {
        return "elf";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        Map<String, Object> root = new LinkedHashMap<>(CONSTANTS);
        if (data.length < 52 || data[0] != 0x7F || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            return root;
        }
        boolean is64 = data[4] == 2;
        if (!(data[4] == 1 || is64) || !(data[5] == 1 || data[5] == 2) || (is64 && data.length < 64)) {
            return root;
        }
        new Reader(data, is64, data[5] == 2).fill(root);
        return root;
    }

    private static final class Reader {
        final byte[] d;
        final boolean is64;
        final boolean bigEndian;

        Reader(byte[] d, boolean is64, boolean bigEndian) {
            this.d = d;
            this.is64 = is64;
            this.bigEndian = bigEndian;
        }

        long read(long at, int size) {
            if (at < 0 || at > d.length - size) {
                return 0;
            }
            long v = 0;
            for (int i = 0; i < size; i++) {
                int b = d[(int) at + (bigEndian ? i : size - 1 - i)] & 0xFF;
                v = (v << 8) | b;
            }
            return v;
        }

        long word(long at) {
            return read(at, is64 ? 8 : 4);
        }

        void fill(Map<String, Object> root) {
            long type = read(16, 2);
            root.put("type", type);
            root.put("machine", read(18, 2));
            long entry = word(24);
            long phOffset = word(is64 ? 32 : 28);
            long shOffset = word(is64 ? 40 : 32);
            int h = is64 ? 52 : 40;
            long phEntrySize = read(h + 2, 2);
            long phCount = read(h + 4, 2);
            long shEntrySize = read(h + 6, 2);
            long shCount = read(h + 8, 2);
            long shStrIndex = read(h + 10, 2);
            root.put("sh_offset", shOffset);
            root.put("sh_entry_size", shEntrySize);
            root.put("number_of_sections", shCount);
            root.put("ph_offset", phOffset);
            root.put("ph_entry_size", phEntrySize);
            root.put("number_of_segments", phCount);
            int shSize = is64 ? 64 : 40;
            int phSize = is64 ? 56 : 32;
            // The entry point's own checks (rva_to_offset): tables must be present and inside the file.
            boolean sectionsFit = shOffset > 0 && shCount > 0 && tableFits(shOffset, shCount, shSize);
            boolean segmentsFit = phOffset > 0 && phCount > 0 && tableFits(phOffset, phCount, phSize);
            if (entry != 0) {
                Long offset = type == 2 ? viaSegments(entry, phOffset, phCount, segmentsFit)
                        : viaSections(entry, shOffset, shCount, sectionsFit);
                if (offset != null) {
                    root.put("entry_point", offset);
                }
            }
            if (shCount < 0xFF00 && shStrIndex < shCount && shOffset >= 0 && shOffset < d.length
                    && shCount * shSize <= d.length - shOffset) {
                root.put("sections", sections(shOffset, shCount, shStrIndex));
                symbols(root, shOffset, shCount, 2, "symtab");
                symbols(root, shOffset, shCount, 11, "dynsym");
            }
            if (phCount > 0 && phCount < 0xFFFF && phOffset >= 0 && phOffset < d.length
                    && phCount * phSize <= d.length - phOffset) {
                List<Object> segments = segments(phOffset, phCount);
                root.put("segments", segments);
                dynamic(root, segments);
            }
        }

        /**
         * The symbols of the last section of {@code type} (SHT_SYMTAB or SHT_DYNSYM) whose linked
         * section is a string table, when both lie inside the file.
         */
        void symbols(Map<String, Object> root, long shOffset, long shCount, long type, String field) {
            int shSize = is64 ? 64 : 40;
            long table = -1;
            long tableSize = 0;
            long strings = -1;
            long stringsSize = 0;
            for (long i = 0; i < shCount; i++) {
                long s = shOffset + i * shSize;
                long link = read(s + (is64 ? 40 : 24), 4);
                if (read(s + 4, 4) != type || link >= shCount) {
                    continue;
                }
                long linked = shOffset + link * shSize;
                if (read(linked + 4, 4) == 3) {
                    table = word(s + (is64 ? 24 : 16));
                    tableSize = word(s + (is64 ? 32 : 20));
                    strings = word(linked + (is64 ? 24 : 16));
                    stringsSize = word(linked + (is64 ? 32 : 20));
                }
            }
            if (!inside(table, tableSize) || !inside(strings, stringsSize)) {
                return;
            }
            int symSize = is64 ? 24 : 16;
            long count = Math.min(tableSize / symSize, MAX_SYMBOLS);
            List<Object> list = new ArrayList<>();
            for (long j = 0; j < count; j++) {
                long sym = table + j * symSize;
                Map<String, Object> m = new LinkedHashMap<>();
                long name = read(sym, 4);
                if (name < stringsSize) {
                    int start = (int) (strings + name);
                    int end = start;
                    while (end < strings + stringsSize && d[end] != 0) {
                        end++;
                    }
                    m.put("name", new String(d, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                int info = (int) read(sym + (is64 ? 4 : 12), 1);
                m.put("bind", (long) (info >> 4));
                m.put("type", (long) (info & 0xF));
                m.put("shndx", read(sym + (is64 ? 6 : 14), 2));
                m.put("value", is64 ? read(sym + 8, 8) : read(sym + 4, 4));
                m.put("size", is64 ? read(sym + 16, 8) : read(sym + 8, 4));
                list.add(m);
            }
            root.put(field, list);
            root.put(field + "_entries", count);
        }

        boolean inside(long offset, long size) {
            return offset >= 0 && size >= 0 && offset <= d.length && size <= d.length - offset;
        }

        /** Entries of each PT_DYNAMIC segment, up to and including DT_NULL (later segments overwrite earlier ones). */
        @SuppressWarnings("unchecked")
        void dynamic(Map<String, Object> root, List<Object> segments) {
            List<Object> entries = null;
            int size = is64 ? 16 : 8;
            for (Object o : segments) {
                Map<String, Object> segment = (Map<String, Object>) o;
                if ((Long) segment.get("type") != 2) {
                    continue;
                }
                if (entries == null) {
                    entries = new ArrayList<>();
                }
                long at = (Long) segment.get("offset");
                int j = 0;
                for (; inside(at, size) && j < MAX_SYMBOLS; at += size, j++) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    long tag = word(at);
                    e.put("type", tag);
                    e.put("val", word(at + size / 2));
                    if (j < entries.size()) {
                        entries.set(j, e);
                    } else {
                        entries.add(e);
                    }
                    if (tag == 0) {
                        j++;
                        break;
                    }
                }
                root.put("dynamic_section_entries", (long) j);
            }
            if (entries != null) {
                root.put("dynamic", entries);
            }
        }

        boolean tableFits(long offset, long count, int entrySize) {
            return count <= MAX_ENTRIES && offset >= 0 && offset <= d.length && count * entrySize <= d.length - offset;
        }

        Long viaSegments(long rva, long offset, long count, boolean fits) {
            if (!fits) {
                return null;
            }
            for (long i = 0; i < count; i++) {
                long p = offset + i * (is64 ? 56 : 32);
                long vaddr = is64 ? read(p + 16, 8) : read(p + 8, 4);
                long memSize = is64 ? read(p + 40, 8) : read(p + 20, 4);
                long fileOffset = is64 ? read(p + 8, 8) : read(p + 4, 4);
                if (Long.compareUnsigned(rva, vaddr) >= 0 && Long.compareUnsigned(rva - vaddr, memSize) < 0) {
                    return fileOffset + (rva - vaddr);
                }
            }
            return null;
        }

        Long viaSections(long rva, long offset, long count, boolean fits) {
            if (!fits) {
                return null;
            }
            for (long i = 0; i < count; i++) {
                long s = offset + i * (is64 ? 64 : 40);
                long type = read(s + 4, 4);
                long addr = word(s + (is64 ? 16 : 12));
                long fileOffset = word(s + (is64 ? 24 : 16));
                long size = word(s + (is64 ? 32 : 20));
                if (type != 0 && type != 8 && Long.compareUnsigned(rva, addr) >= 0
                        && Long.compareUnsigned(rva - addr, size) < 0) {
                    return fileOffset + (rva - addr);
                }
            }
            return null;
        }

        List<Object> sections(long offset, long count, long strIndex) {
            int size = is64 ? 64 : 40;
            long strTable = -1;
            long strOffset = word(offset + strIndex * size + (is64 ? 24 : 16));
            if (strOffset >= 0 && strOffset < d.length) {
                strTable = strOffset;
            }
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long s = offset + i * size;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", read(s + 4, 4));
                m.put("flags", word(s + 8));
                m.put("address", word(s + (is64 ? 16 : 12)));
                m.put("size", word(s + (is64 ? 32 : 20)));
                m.put("offset", word(s + (is64 ? 24 : 16)));
                long name = read(s, 4);
                String text = strTable > 0 && name < d.length - strTable ? tableString(strTable, name) : null;
                if (text != null) {
                    m.put("name", text);
                }
                list.add(m);
            }
            return list;
        }

        /**
         * Entry {@code index} of the string table at {@code table}: null unless the table starts with
         * a NUL and the entry ends with one inside the file (str_table_entry).
         */
        String tableString(long table, long index) {
            if (d[(int) table] != 0) {
                return null;
            }
            int start = (int) (table + index);
            int end = start;
            while (end < d.length && d[end] != 0) {
                end++;
            }
            return end == d.length ? null : new String(d, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        List<Object> segments(long offset, long count) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long p = offset + i * (is64 ? 56 : 32);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", read(p, 4));
                if (is64) {
                    m.put("flags", read(p + 4, 4));
                    m.put("offset", read(p + 8, 8));
                    m.put("virtual_address", read(p + 16, 8));
                    m.put("physical_address", read(p + 24, 8));
                    m.put("file_size", read(p + 32, 8));
                    m.put("memory_size", read(p + 40, 8));
                    m.put("alignment", read(p + 48, 8));
                } else {
                    m.put("offset", read(p + 4, 4));
                    m.put("virtual_address", read(p + 8, 4));
                    m.put("physical_address", read(p + 12, 4));
                    m.put("file_size", read(p + 16, 4));
                    m.put("memory_size", read(p + 20, 4));
                    m.put("flags", read(p + 24, 4));
                    m.put("alignment", read(p + 28, 4));
                }
                list.add(m);
            }
            return list;
        }
    }
}
