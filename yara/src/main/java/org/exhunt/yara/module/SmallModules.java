package org.exhunt.yara.module;

import static org.exhunt.yara.module.ValueType.Scalar.FLOAT;
import static org.exhunt.yara.module.ValueType.Scalar.INTEGER;
import static org.exhunt.yara.module.ValueType.Scalar.STRING;

/** Modules with a handful of members: {@code time}, {@code console} and {@code magic}. */
final class SmallModules {

    /** {@code time.now()}: seconds since the epoch at scan time. */
    static final ModuleSchema TIME = new ModuleSchema("time", StructBuilder.build(b -> b.function("now", INTEGER)));

    /** {@code console.log(...)} and {@code console.hex(...)}: print while scanning, always true. */
    static final ModuleSchema CONSOLE = new ModuleSchema("console", StructBuilder.build(b -> b
            .function("log", INTEGER, STRING).function("log", INTEGER, STRING, STRING)
            .function("log", INTEGER, INTEGER).function("log", INTEGER, STRING, INTEGER)
            .function("log", INTEGER, FLOAT).function("log", INTEGER, STRING, FLOAT)
            .function("hex", INTEGER, INTEGER).function("hex", INTEGER, STRING, INTEGER)));

    /** {@code magic.type()} and {@code magic.mime_type()}: libmagic's description of the data. */
    static final ModuleSchema MAGIC = new ModuleSchema("magic", StructBuilder.build(b -> b
            .function("type", STRING).function("mime_type", STRING)));

    private SmallModules() {
    }
}
