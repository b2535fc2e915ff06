package org.exhunt.yara.module;

import java.util.List;

/** The schemas of the modules rules most often import: {@code math}, {@code hash} and {@code pe}. */
public final class BuiltinModules {

    private BuiltinModules() {
    }

    public static List<ModuleSchema> all() {
        return List.of(MathModule.SCHEMA, HashModule.SCHEMA, PeModule.SCHEMA);
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
