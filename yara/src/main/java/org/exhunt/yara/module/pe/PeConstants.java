package org.exhunt.yara.module.pe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named constants of {@code pe}, defined for every scanned file, PE or not. */
final class PeConstants {

    static final Map<String, Object> ALL;

    static {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "MACHINE_", new Object[][] {
            {"UNKNOWN", 0x0}, {"AM33", 0x1d3}, {"AMD64", 0x8664}, {"ARM", 0x1c0}, {"ARMNT", 0x1c4}, {"ARM64", 0xaa64},
            {"EBC", 0xebc}, {"I386", 0x14c}, {"IA64", 0x200}, {"M32R", 0x9041}, {"MIPS16", 0x266}, {"MIPSFPU", 0x366},
            {"MIPSFPU16", 0x466}, {"POWERPC", 0x1f0}, {"POWERPCFP", 0x1f1}, {"R4000", 0x166}, {"SH3", 0x1a2},
            {"SH3DSP", 0x1a3}, {"SH4", 0x1a6}, {"SH5", 0x1a8}, {"THUMB", 0x1c2}, {"WCEMIPSV2", 0x169},
            {"TARGET_HOST", 0x1}, {"R3000", 0x162}, {"R10000", 0x168}, {"ALPHA", 0x184}, {"SH3E", 0x1a4},
            {"ALPHA64", 0x284}, {"AXP64", 0x284}, {"TRICORE", 0x520}, {"CEF", 0xcef}, {"CEE", 0xc0ee}});
        put(m, "SUBSYSTEM_", new Object[][] {
            {"UNKNOWN", 0}, {"NATIVE", 1}, {"WINDOWS_GUI", 2}, {"WINDOWS_CUI", 3}, {"OS2_CUI", 5}, {"POSIX_CUI", 7},
            {"NATIVE_WINDOWS", 8}, {"WINDOWS_CE_GUI", 9}, {"EFI_APPLICATION", 10}, {"EFI_BOOT_SERVICE_DRIVER", 11},
            {"EFI_RUNTIME_DRIVER", 12}, {"EFI_ROM_IMAGE", 13}, {"XBOX", 14}, {"WINDOWS_BOOT_APPLICATION", 16}});
        put(m, "", new Object[][] {
            {"HIGH_ENTROPY_VA", 0x20}, {"DYNAMIC_BASE", 0x40}, {"FORCE_INTEGRITY", 0x80}, {"NX_COMPAT", 0x100},
            {"NO_ISOLATION", 0x200}, {"NO_SEH", 0x400}, {"NO_BIND", 0x800}, {"APPCONTAINER", 0x1000},
            {"WDM_DRIVER", 0x2000}, {"GUARD_CF", 0x4000}, {"TERMINAL_SERVER_AWARE", 0x8000}});
        put(m, "", new Object[][] {
            {"RELOCS_STRIPPED", 0x1}, {"EXECUTABLE_IMAGE", 0x2}, {"LINE_NUMS_STRIPPED", 0x4},
            {"LOCAL_SYMS_STRIPPED", 0x8}, {"AGGRESIVE_WS_TRIM", 0x10}, {"LARGE_ADDRESS_AWARE", 0x20},
            {"BYTES_REVERSED_LO", 0x80}, {"MACHINE_32BIT", 0x100}, {"DEBUG_STRIPPED", 0x200},
            {"REMOVABLE_RUN_FROM_SWAP", 0x400}, {"NET_RUN_FROM_SWAP", 0x800}, {"SYSTEM", 0x1000}, {"DLL", 0x2000},
            {"UP_SYSTEM_ONLY", 0x4000}, {"BYTES_REVERSED_HI", 0x8000}});
        put(m, "IMAGE_DIRECTORY_ENTRY_", new Object[][] {
            {"EXPORT", 0}, {"IMPORT", 1}, {"RESOURCE", 2}, {"EXCEPTION", 3}, {"SECURITY", 4}, {"BASERELOC", 5},
            {"DEBUG", 6}, {"ARCHITECTURE", 7}, {"COPYRIGHT", 7}, {"GLOBALPTR", 8}, {"TLS", 9}, {"LOAD_CONFIG", 10},
            {"BOUND_IMPORT", 11}, {"IAT", 12}, {"DELAY_IMPORT", 13}, {"COM_DESCRIPTOR", 14}});
        put(m, "IMAGE_", new Object[][] {
            {"NT_OPTIONAL_HDR32_MAGIC", 0x10b}, {"NT_OPTIONAL_HDR64_MAGIC", 0x20b}, {"ROM_OPTIONAL_HDR_MAGIC", 0x107}});
        put(m, "SECTION_", new Object[][] {
            {"NO_PAD", 0x8}, {"CNT_CODE", 0x20}, {"CNT_INITIALIZED_DATA", 0x40}, {"CNT_UNINITIALIZED_DATA", 0x80},
            {"LNK_OTHER", 0x100}, {"LNK_INFO", 0x200}, {"LNK_REMOVE", 0x800}, {"LNK_COMDAT", 0x1000},
            {"NO_DEFER_SPEC_EXC", 0x4000}, {"GPREL", 0x8000}, {"MEM_FARDATA", 0x8000}, {"MEM_PURGEABLE", 0x20000},
            {"MEM_16BIT", 0x20000}, {"MEM_LOCKED", 0x40000}, {"MEM_PRELOAD", 0x80000},
            {"ALIGN_1BYTES", 0x100000}, {"ALIGN_2BYTES", 0x200000}, {"ALIGN_4BYTES", 0x300000},
            {"ALIGN_8BYTES", 0x400000}, {"ALIGN_16BYTES", 0x500000}, {"ALIGN_32BYTES", 0x600000},
            {"ALIGN_64BYTES", 0x700000}, {"ALIGN_128BYTES", 0x800000}, {"ALIGN_256BYTES", 0x900000},
            {"ALIGN_512BYTES", 0xA00000}, {"ALIGN_1024BYTES", 0xB00000}, {"ALIGN_2048BYTES", 0xC00000},
            {"ALIGN_4096BYTES", 0xD00000}, {"ALIGN_8192BYTES", 0xE00000}, {"ALIGN_MASK", 0xF00000},
            {"LNK_NRELOC_OVFL", 0x1000000}, {"MEM_DISCARDABLE", 0x2000000}, {"MEM_NOT_CACHED", 0x4000000},
            {"MEM_NOT_PAGED", 0x8000000}, {"MEM_SHARED", 0x10000000}, {"MEM_EXECUTE", 0x20000000},
            {"MEM_READ", 0x40000000}, {"MEM_WRITE", 0x80000000L}, {"SCALE_INDEX", 0x1}});
        put(m, "RESOURCE_TYPE_", new Object[][] {
            {"CURSOR", 1}, {"BITMAP", 2}, {"ICON", 3}, {"MENU", 4}, {"DIALOG", 5}, {"STRING", 6}, {"FONTDIR", 7},
            {"FONT", 8}, {"ACCELERATOR", 9}, {"RCDATA", 10}, {"MESSAGETABLE", 11}, {"GROUP_CURSOR", 12},
            {"GROUP_ICON", 14}, {"VERSION", 16}, {"DLGINCLUDE", 17}, {"PLUGPLAY", 19}, {"VXD", 20},
            {"ANICURSOR", 21}, {"ANIICON", 22}, {"HTML", 23}, {"MANIFEST", 24}});
        put(m, "IMAGE_DEBUG_TYPE_", new Object[][] {
            {"UNKNOWN", 0}, {"COFF", 1}, {"CODEVIEW", 2}, {"FPO", 3}, {"MISC", 4}, {"EXCEPTION", 5}, {"FIXUP", 6},
            {"OMAP_TO_SRC", 7}, {"OMAP_FROM_SRC", 8}, {"BORLAND", 9}, {"RESERVED10", 10}, {"CLSID", 11},
            {"VC_FEATURE", 12}, {"POGO", 13}, {"ILTCG", 14}, {"MPX", 15}, {"REPRO", 16}});
        put(m, "IMPORT_", new Object[][] {{"DELAYED", 2}, {"STANDARD", 1}, {"ANY", -1}});
        ALL = Collections.unmodifiableMap(m);
    }

    private PeConstants() {
    }

    private static void put(Map<String, Object> m, String prefix, Object[][] pairs) {
        for (Object[] p : pairs) {
            m.put(prefix + p[0], ((Number) p[1]).longValue());
        }
    }
}
