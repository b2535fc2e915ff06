package org.exhunt.yara.module;

import java.util.List;

/**
 * The schemas of YARA's modules: {@code math}, {@code hash}, {@code pe} (the commonly used part),
 * {@code elf}, {@code dotnet}, {@code time}, {@code console} and {@code magic}. {@code cuckoo}
 * (sandbox reports) is not provided.
 */
public final class BuiltinModules {

    private BuiltinModules() {
    }

    public static List<ModuleSchema> all() {
        return List.of(MathModule.SCHEMA, HashModule.SCHEMA, PeModule.SCHEMA, ElfModule.SCHEMA, DotnetModule.SCHEMA,
                SmallModules.TIME, SmallModules.CONSOLE, SmallModules.MAGIC);
    }

    public static ModuleSchema math() {
        return MathModule.SCHEMA;
    }

    public static ModuleSchema hash() {
        return HashModule.SCHEMA;
    }

    public static ModuleSchema pe() {
        return PeModule.SCHEMA;
    }
}
