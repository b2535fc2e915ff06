package org.exhunt.yara.module;

import static org.exhunt.yara.module.ValueType.Scalar.INTEGER;
import static org.exhunt.yara.module.ValueType.Scalar.REGEX;
import static org.exhunt.yara.module.ValueType.Scalar.STRING;

/**
 * {@code pe}: the part of YARA's PE module that common rule sets use (header fields, sections,
 * resources, imports and exports, Authenticode signatures, version info, rich header, overlay)
 * and its named constants.
 */
final class PeModule {

    static final ModuleSchema SCHEMA = new ModuleSchema("pe", StructBuilder.build(b -> {
        b.integer("is_pe", "machine", "number_of_sections", "timestamp", "pointer_to_symbol_table",
                "number_of_symbols", "size_of_optional_header", "characteristics", "entry_point",
                "entry_point_raw", "image_base", "number_of_rva_and_sizes", "number_of_version_infos",
                "subsystem", "dll_characteristics", "size_of_code", "size_of_initialized_data",
                "size_of_uninitialized_data", "base_of_code", "base_of_data", "section_alignment",
                "file_alignment", "size_of_image", "size_of_headers", "checksum", "win32_version_value",
                "size_of_stack_reserve", "size_of_stack_commit", "size_of_heap_reserve", "size_of_heap_commit",
                "loader_flags", "opthdr_magic", "number_of_resources", "resource_timestamp",
                "number_of_imports", "number_of_imported_functions", "number_of_delayed_imports",
                "number_of_exports", "number_of_signatures", "export_timestamp", "number_of_delayed_imported_functions");
        b.string("dll_name", "pdb_path");
        b.struct("linker_version", v -> v.integer("major", "minor"));
        b.struct("os_version", v -> v.integer("major", "minor"));
        b.struct("image_version", v -> v.integer("major", "minor"));
        b.struct("subsystem_version", v -> v.integer("major", "minor"));
        b.struct("resource_version", v -> v.integer("major", "minor"));
        b.field("version_info", new ValueType.DictionaryOf(STRING));
        b.arrayOfStructs("version_info_list", v -> v.string("key", "value"));
        b.arrayOfStructs("data_directories", d -> d.integer("virtual_address", "size"));
        b.arrayOfStructs("sections", s -> s
                .string("name", "full_name")
                .integer("characteristics", "virtual_address", "virtual_size", "raw_data_offset", "raw_data_size",
                        "pointer_to_relocations", "pointer_to_line_numbers", "number_of_relocations",
                        "number_of_line_numbers"));
        b.arrayOfStructs("resources", r -> r
                .integer("rva", "offset", "length", "type", "id", "language")
                .string("type_string", "name_string", "language_string"));
        b.arrayOfStructs("signatures", s -> s
                .string("thumbprint", "issuer", "subject", "serial", "algorithm", "algorithm_oid")
                .integer("version", "not_before", "not_after")
                .function("valid_on", INTEGER, INTEGER));
        b.struct("rich_signature", r -> r
                .integer("offset", "length", "key")
                .string("raw_data", "clear_data")
                .function("version", INTEGER, INTEGER).function("version", INTEGER, INTEGER, INTEGER)
                .function("toolid", INTEGER, INTEGER).function("toolid", INTEGER, INTEGER, INTEGER));
        b.struct("overlay", o -> o.integer("offset", "size"));
        b.arrayOfStructs("import_details", i -> i
                .string("library_name").integer("number_of_functions")
                .arrayOfStructs("functions", f -> f.string("name").integer("ordinal")));
        b.arrayOfStructs("export_details", e -> e
                .integer("offset", "ordinal").string("name", "forward_name"));

        b.function("imphash", STRING);
        b.function("exports", INTEGER, STRING).function("exports", INTEGER, INTEGER).function("exports", INTEGER, REGEX);
        b.function("exports_index", INTEGER, STRING).function("exports_index", INTEGER, INTEGER)
                .function("exports_index", INTEGER, REGEX);
        b.function("imports", INTEGER, STRING, STRING).function("imports", INTEGER, STRING, INTEGER)
                .function("imports", INTEGER, STRING).function("imports", INTEGER, REGEX, REGEX)
                .function("imports", INTEGER, INTEGER, STRING, STRING).function("imports", INTEGER, INTEGER, STRING, INTEGER)
                .function("imports", INTEGER, INTEGER, STRING).function("imports", INTEGER, INTEGER, REGEX, REGEX);
        b.function("section_index", INTEGER, STRING).function("section_index", INTEGER, INTEGER);
        b.function("is_dll", INTEGER).function("is_32bit", INTEGER).function("is_64bit", INTEGER);
        b.function("rva_to_offset", INTEGER, INTEGER);
        b.function("calculate_checksum", INTEGER);
        b.function("locale", INTEGER, INTEGER).function("language", INTEGER, INTEGER);

        b.integer("MACHINE_UNKNOWN", "MACHINE_AM33", "MACHINE_AMD64", "MACHINE_ARM", "MACHINE_ARMNT", "MACHINE_ARM64",
                "MACHINE_EBC", "MACHINE_I386", "MACHINE_IA64", "MACHINE_M32R", "MACHINE_MIPS16", "MACHINE_MIPSFPU",
                "MACHINE_MIPSFPU16", "MACHINE_POWERPC", "MACHINE_POWERPCFP", "MACHINE_R4000", "MACHINE_SH3",
                "MACHINE_SH3DSP", "MACHINE_SH4", "MACHINE_SH5", "MACHINE_THUMB", "MACHINE_WCEMIPSV2",
                "MACHINE_TARGET_HOST", "MACHINE_R3000", "MACHINE_R10000", "MACHINE_ALPHA", "MACHINE_SH3E",
                "MACHINE_ALPHA64", "MACHINE_AXP64", "MACHINE_TRICORE", "MACHINE_CEF", "MACHINE_CEE");
        b.integer("SUBSYSTEM_UNKNOWN", "SUBSYSTEM_NATIVE", "SUBSYSTEM_WINDOWS_GUI", "SUBSYSTEM_WINDOWS_CUI",
                "SUBSYSTEM_OS2_CUI", "SUBSYSTEM_POSIX_CUI", "SUBSYSTEM_NATIVE_WINDOWS", "SUBSYSTEM_WINDOWS_CE_GUI",
                "SUBSYSTEM_EFI_APPLICATION", "SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER", "SUBSYSTEM_EFI_RUNTIME_DRIVER",
                "SUBSYSTEM_EFI_ROM_IMAGE", "SUBSYSTEM_XBOX", "SUBSYSTEM_WINDOWS_BOOT_APPLICATION");
        b.integer("RELOCS_STRIPPED", "EXECUTABLE_IMAGE", "LINE_NUMS_STRIPPED", "LOCAL_SYMS_STRIPPED",
                "AGGRESIVE_WS_TRIM", "LARGE_ADDRESS_AWARE", "BYTES_REVERSED_LO", "MACHINE_32BIT",
                "DEBUG_STRIPPED", "REMOVABLE_RUN_FROM_SWAP", "NET_RUN_FROM_SWAP", "SYSTEM", "DLL",
                "UP_SYSTEM_ONLY", "BYTES_REVERSED_HI");
        b.integer("HIGH_ENTROPY_VA", "DYNAMIC_BASE", "FORCE_INTEGRITY", "NX_COMPAT", "NO_ISOLATION", "NO_SEH",
                "NO_BIND", "APPCONTAINER", "WDM_DRIVER", "GUARD_CF", "TERMINAL_SERVER_AWARE");
        b.integer("SECTION_NO_PAD", "SECTION_CNT_CODE", "SECTION_CNT_INITIALIZED_DATA", "SECTION_CNT_UNINITIALIZED_DATA",
                "SECTION_LNK_OTHER", "SECTION_LNK_INFO", "SECTION_LNK_REMOVE", "SECTION_LNK_COMDAT",
                "SECTION_NO_DEFER_SPEC_EXC", "SECTION_GPREL", "SECTION_MEM_FARDATA", "SECTION_MEM_PURGEABLE",
                "SECTION_MEM_16BIT", "SECTION_MEM_LOCKED", "SECTION_MEM_PRELOAD", "SECTION_ALIGN_1BYTES",
                "SECTION_ALIGN_2BYTES", "SECTION_ALIGN_4BYTES", "SECTION_ALIGN_8BYTES", "SECTION_ALIGN_16BYTES",
                "SECTION_ALIGN_32BYTES", "SECTION_ALIGN_64BYTES", "SECTION_ALIGN_128BYTES", "SECTION_ALIGN_256BYTES",
                "SECTION_ALIGN_512BYTES", "SECTION_ALIGN_1024BYTES", "SECTION_ALIGN_2048BYTES",
                "SECTION_ALIGN_4096BYTES", "SECTION_ALIGN_8192BYTES", "SECTION_ALIGN_MASK", "SECTION_LNK_NRELOC_OVFL",
                "SECTION_MEM_DISCARDABLE", "SECTION_MEM_NOT_CACHED", "SECTION_MEM_NOT_PAGED", "SECTION_MEM_SHARED",
                "SECTION_MEM_EXECUTE", "SECTION_MEM_READ", "SECTION_MEM_WRITE", "SECTION_SCALE_INDEX");
        b.integer("IMAGE_NT_OPTIONAL_HDR32_MAGIC", "IMAGE_NT_OPTIONAL_HDR64_MAGIC", "IMAGE_ROM_OPTIONAL_HDR_MAGIC");
        b.integer("IMAGE_DEBUG_TYPE_UNKNOWN", "IMAGE_DEBUG_TYPE_COFF", "IMAGE_DEBUG_TYPE_CODEVIEW", "IMAGE_DEBUG_TYPE_FPO",
                "IMAGE_DEBUG_TYPE_MISC", "IMAGE_DEBUG_TYPE_EXCEPTION", "IMAGE_DEBUG_TYPE_FIXUP",
                "IMAGE_DEBUG_TYPE_OMAP_TO_SRC", "IMAGE_DEBUG_TYPE_OMAP_FROM_SRC", "IMAGE_DEBUG_TYPE_BORLAND",
                "IMAGE_DEBUG_TYPE_RESERVED10", "IMAGE_DEBUG_TYPE_CLSID", "IMAGE_DEBUG_TYPE_VC_FEATURE",
                "IMAGE_DEBUG_TYPE_POGO", "IMAGE_DEBUG_TYPE_ILTCG", "IMAGE_DEBUG_TYPE_MPX", "IMAGE_DEBUG_TYPE_REPRO");
        b.integer("RESOURCE_TYPE_CURSOR", "RESOURCE_TYPE_BITMAP", "RESOURCE_TYPE_ICON", "RESOURCE_TYPE_MENU",
                "RESOURCE_TYPE_DIALOG", "RESOURCE_TYPE_STRING", "RESOURCE_TYPE_FONTDIR", "RESOURCE_TYPE_FONT",
                "RESOURCE_TYPE_ACCELERATOR", "RESOURCE_TYPE_RCDATA", "RESOURCE_TYPE_MESSAGETABLE",
                "RESOURCE_TYPE_GROUP_CURSOR", "RESOURCE_TYPE_GROUP_ICON", "RESOURCE_TYPE_VERSION",
                "RESOURCE_TYPE_DLGINCLUDE", "RESOURCE_TYPE_PLUGPLAY", "RESOURCE_TYPE_VXD", "RESOURCE_TYPE_ANICURSOR",
                "RESOURCE_TYPE_ANIICON", "RESOURCE_TYPE_HTML", "RESOURCE_TYPE_MANIFEST");
        b.integer("IMAGE_DIRECTORY_ENTRY_EXPORT", "IMAGE_DIRECTORY_ENTRY_IMPORT", "IMAGE_DIRECTORY_ENTRY_RESOURCE",
                "IMAGE_DIRECTORY_ENTRY_EXCEPTION", "IMAGE_DIRECTORY_ENTRY_SECURITY", "IMAGE_DIRECTORY_ENTRY_BASERELOC",
                "IMAGE_DIRECTORY_ENTRY_DEBUG", "IMAGE_DIRECTORY_ENTRY_TLS", "IMAGE_DIRECTORY_ENTRY_IAT",
                "IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR", "IMAGE_DIRECTORY_ENTRY_ARCHITECTURE",
                "IMAGE_DIRECTORY_ENTRY_COPYRIGHT", "IMAGE_DIRECTORY_ENTRY_GLOBALPTR", "IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG",
                "IMAGE_DIRECTORY_ENTRY_BOUND_IMPORT", "IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT");
        b.integer("IMPORT_DELAYED", "IMPORT_STANDARD", "IMPORT_ANY");
    }));

    private PeModule() {
    }
}
