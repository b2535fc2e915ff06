package org.exhunt.yara.module;

import java.util.Map;

/**
 * Runtimes of {@code time}, {@code console} and {@code magic}. {@code console} prints nothing
 * (its functions only report success, which is what conditions see); {@code magic} is left
 * undefined: its answers come from libmagic's database, which a pure-Java engine does not carry
 * (Debian's yara is built with it, so rules using {@code magic} match there and not here).
 */
final class SmallRuntimes {

    private SmallRuntimes() {
    }

    static ModuleRuntime time() {
        Map<String, Object> values = Map.of("now",
                (ModuleFunction) (args, data) -> System.currentTimeMillis() / 1000);
        return fixed("time", values);
    }

    static ModuleRuntime console() {
        ModuleFunction succeed = (args, data) -> 1L;
        return fixed("console", Map.of("log", succeed, "hex", succeed));
    }

    static ModuleRuntime magic() {
        ModuleFunction undefined = (args, data) -> null;
        return fixed("magic", Map.of("type", undefined, "mime_type", undefined));
    }

    private static ModuleRuntime fixed(String name, Map<String, Object> values) {
        return new ModuleRuntime() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> load(byte[] data) {
                return values;
            }
        };
    }
}
