package org.exhunt.yara.module;

/** {@code elf}: the ELF header, sections, segments, dynamic entries and symbols, with named constants. */
final class ElfModule {

    static final ModuleSchema SCHEMA = new ModuleSchema("elf", StructBuilder.build(b -> {
        b.integer("type", "machine", "entry_point", "number_of_sections", "sh_offset", "sh_entry_size",
                "number_of_segments", "ph_offset", "ph_entry_size", "dynamic_section_entries", "symtab_entries",
                "dynsym_entries");
        b.arrayOfStructs("sections", s -> s.integer("type", "flags", "address", "size", "offset").string("name"));
        b.arrayOfStructs("segments", s -> s.integer("type", "flags", "offset", "virtual_address", "physical_address",
                "file_size", "memory_size", "alignment"));
        b.arrayOfStructs("dynamic", d -> d.integer("type", "val"));
        b.arrayOfStructs("symtab", s -> s.string("name").integer("value", "size", "type", "bind", "shndx"));
        b.arrayOfStructs("dynsym", s -> s.string("name").integer("value", "size", "type", "bind", "shndx"));
        b.integer("ET_NONE", "ET_REL", "ET_EXEC", "ET_DYN", "ET_CORE");
        b.integer("EM_NONE", "EM_M32", "EM_SPARC", "EM_386", "EM_68K", "EM_88K", "EM_860", "EM_MIPS",
                "EM_MIPS_RS3_LE", "EM_PPC", "EM_PPC64", "EM_ARM", "EM_X86_64", "EM_AARCH64");
        b.integer("SHT_NULL", "SHT_PROGBITS", "SHT_SYMTAB", "SHT_STRTAB", "SHT_RELA", "SHT_HASH", "SHT_DYNAMIC",
                "SHT_NOTE", "SHT_NOBITS", "SHT_REL", "SHT_SHLIB", "SHT_DYNSYM");
        b.integer("SHF_WRITE", "SHF_ALLOC", "SHF_EXECINSTR");
        b.integer("PT_NULL", "PT_LOAD", "PT_DYNAMIC", "PT_INTERP", "PT_NOTE", "PT_SHLIB", "PT_PHDR", "PT_TLS",
                "PT_GNU_EH_FRAME", "PT_GNU_STACK");
        b.integer("PF_X", "PF_W", "PF_R");
        b.integer("DT_NULL", "DT_NEEDED", "DT_PLTRELSZ", "DT_PLTGOT", "DT_HASH", "DT_STRTAB", "DT_SYMTAB", "DT_RELA",
                "DT_RELASZ", "DT_RELAENT", "DT_STRSZ", "DT_SYMENT", "DT_INIT", "DT_FINI", "DT_SONAME", "DT_RPATH",
                "DT_SYMBOLIC", "DT_REL", "DT_RELSZ", "DT_RELENT", "DT_PLTREL", "DT_DEBUG", "DT_TEXTREL", "DT_JMPREL",
                "DT_BIND_NOW", "DT_INIT_ARRAY", "DT_FINI_ARRAY", "DT_INIT_ARRAYSZ", "DT_FINI_ARRAYSZ", "DT_RUNPATH",
                "DT_FLAGS", "DT_ENCODING");
        b.integer("STT_NOTYPE", "STT_OBJECT", "STT_FUNC", "STT_SECTION", "STT_FILE", "STT_COMMON", "STT_TLS");
        b.integer("STB_LOCAL", "STB_GLOBAL", "STB_WEAK");
    }));

    private ElfModule() {
    }
}
