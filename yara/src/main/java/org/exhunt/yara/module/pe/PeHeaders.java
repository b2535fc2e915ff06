package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** File and optional header fields, data directories, the section table and the overlay. */
final class PeHeaders {

    private PeHeaders() {
    }

    static void fill(PeImage pe, Map<String, Object> root) {
        int oh = pe.optionalHeader;
        root.put("is_pe", 1L);
        root.put("machine", (long) pe.machine());
        root.put("number_of_sections", (long) pe.numberOfSections());
        root.put("timestamp", pe.u32(pe.ntHeader + 8));
        root.put("pointer_to_symbol_table", pe.pointerToSymbolTable());
        root.put("number_of_symbols", pe.numberOfSymbols());
        root.put("size_of_optional_header", (long) pe.sizeOfOptionalHeader());
        root.put("characteristics", (long) pe.characteristics());
        long entryRva = pe.u32(oh + 16);
        // YARA stores -1 here when the entry point maps to no file offset.
        root.put("entry_point", pe.rvaToOffset(entryRva));
        root.put("entry_point_raw", entryRva);
        root.put("image_base", pe.imageBase());
        root.put("number_of_rva_and_sizes", pe.u32(oh + (pe.is64 ? 108 : 92)));
        root.put("opthdr_magic", (long) pe.u16(oh));
        root.put("linker_version", version(pe.u8(oh + 2), pe.u8(oh + 3)));
        root.put("size_of_code", pe.u32(oh + 4));
        root.put("size_of_initialized_data", pe.u32(oh + 8));
        root.put("size_of_uninitialized_data", pe.u32(oh + 12));
        root.put("base_of_code", pe.u32(oh + 20));
        if (!pe.is64) {
            root.put("base_of_data", pe.u32(oh + 24));
        }
        root.put("section_alignment", pe.u32(oh + 32));
        root.put("file_alignment", pe.u32(oh + 36));
        root.put("os_version", version(pe.u16(oh + 40), pe.u16(oh + 42)));
        root.put("image_version", version(pe.u16(oh + 44), pe.u16(oh + 46)));
        root.put("subsystem_version", version(pe.u16(oh + 48), pe.u16(oh + 50)));
        root.put("win32_version_value", pe.u32(oh + 52));
        root.put("size_of_image", pe.u32(oh + 56));
        root.put("size_of_headers", pe.u32(oh + 60));
        root.put("checksum", pe.u32(oh + 64));
        root.put("subsystem", (long) pe.u16(oh + 68));
        root.put("dll_characteristics", (long) pe.u16(oh + 70));
        if (pe.is64) {
            root.put("size_of_stack_reserve", pe.u64(oh + 72));
            root.put("size_of_stack_commit", pe.u64(oh + 80));
            root.put("size_of_heap_reserve", pe.u64(oh + 88));
            root.put("size_of_heap_commit", pe.u64(oh + 96));
            root.put("loader_flags", pe.u32(oh + 104));
        } else {
            root.put("size_of_stack_reserve", pe.u32(oh + 72));
            root.put("size_of_stack_commit", pe.u32(oh + 76));
            root.put("size_of_heap_reserve", pe.u32(oh + 80));
            root.put("size_of_heap_commit", pe.u32(oh + 84));
            root.put("loader_flags", pe.u32(oh + 88));
        }
        root.put("data_directories", dataDirectories(pe));
        fillSections(pe, root);
    }

    private static Map<String, Object> version(long major, long minor) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("major", major);
        v.put("minor", minor);
        return v;
    }

    private static List<Object> dataDirectories(PeImage pe) {
        long count = Math.min(pe.u32(pe.optionalHeader + (pe.is64 ? 108 : 92)), 16);
        List<Object> dirs = new ArrayList<>();
        int at = pe.dataDirectories();
        for (int i = 0; i < count; i++, at += 8) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("virtual_address", pe.u32(at));
            d.put("size", pe.u32(at + 4));
            dirs.add(d);
        }
        return dirs;
    }

    private static void fillSections(PeImage pe, Map<String, Object> root) {
        List<Object> sections = new ArrayList<>();
        long highestOffset = 0;
        long highestSize = 0;
        int count = Math.min(pe.numberOfSections(), PeImage.MAX_SECTIONS);
        int at = pe.firstSection();
        for (int i = 0; i < count && pe.fits(at, 40); i++, at += 40) {
            Map<String, Object> s = new LinkedHashMap<>();
            String name = sectionName(pe, at);
            s.put("name", name);
            String fullName = fullName(pe, name);
            if (fullName != null) {
                s.put("full_name", fullName);
            }
            s.put("characteristics", pe.u32(at + 36));
            s.put("raw_data_size", pe.u32(at + 16));
            s.put("raw_data_offset", pe.u32(at + 20));
            s.put("virtual_address", pe.u32(at + 12));
            s.put("virtual_size", pe.u32(at + 8));
            s.put("pointer_to_relocations", pe.u32(at + 24));
            s.put("pointer_to_line_numbers", pe.u32(at + 28));
            s.put("number_of_relocations", (long) pe.u16(at + 32));
            s.put("number_of_line_numbers", (long) pe.u16(at + 34));
            sections.add(s);
            long end = pe.u32(at + 20) + pe.u32(at + 16);
            if (end > highestOffset + highestSize) {
                highestOffset = pe.u32(at + 20);
                highestSize = pe.u32(at + 16);
            }
        }
        root.put("sections", sections);
        long lastSectionEnd = highestOffset + highestSize;
        Map<String, Object> overlay = new LinkedHashMap<>();
        if (lastSectionEnd != 0 && pe.data.length > lastSectionEnd) {
            overlay.put("offset", lastSectionEnd);
            overlay.put("size", pe.data.length - lastSectionEnd);
        } else {
            overlay.put("offset", 0L);
            overlay.put("size", 0L);
        }
        root.put("overlay", overlay);
    }

    /** The 8-byte name with trailing NULs removed (bytes after an inner NUL are kept, as YARA does). */
    static String sectionName(PeImage pe, int header) {
        int length = 8;
        while (length > 0 && pe.data[header + length - 1] == 0) {
            length--;
        }
        return pe.latin1(header, length);
    }

    /**
     * A name of the form "/123" read from the COFF string table when the file has a symbol table;
     * null when that string is unprintable or runs off the data.
     */
    private static String fullName(PeImage pe, String name) {
        long symbols = pe.pointerToSymbolTable();
        if (symbols == 0 || name.isEmpty() || name.charAt(0) != '/') {
            return name;
        }
        long index = 0;
        for (int i = 1; i < 8 && i < name.length() && Character.isDigit(name.charAt(i)) && name.charAt(i) < 0x80; i++) {
            index = index * 10 + (name.charAt(i) - '0');
        }
        long start = symbols + pe.numberOfSymbols() * 18 + index;
        for (long at = start; pe.fits(at, 1); at++) {
            int c = pe.data[(int) at] & 0xFF;
            if (c == 0) {
                return pe.latin1((int) start, (int) (at - start));
            }
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return null;
    }
}
