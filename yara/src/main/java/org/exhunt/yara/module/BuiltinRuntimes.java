package org.exhunt.yara.module;

import java.util.List;
import java.util.Optional;
import org.exhunt.yara.module.pe.DotnetRuntime;
import org.exhunt.yara.module.pe.PeRuntime;

/** The runtimes of the modules in {@link BuiltinModules}, computing their values while scanning. */
public final class BuiltinRuntimes {

    private static final List<ModuleRuntime> ALL = List.of(new MathRuntime(), new HashRuntime(), new PeRuntime(),
            new ElfRuntime(), new DotnetRuntime(), SmallRuntimes.time(), SmallRuntimes.console(), SmallRuntimes.magic());

    private BuiltinRuntimes() {
    }

    /** The runtime of {@code module} (the name rules import), if it is a builtin one. */
    public static Optional<ModuleRuntime> forName(String module) {
        return ALL.stream().filter(r -> r.name().equals(module)).findFirst();
    }

    public static List<ModuleRuntime> all() {
        return ALL;
    }
}
