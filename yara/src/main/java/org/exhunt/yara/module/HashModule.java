package org.exhunt.yara.module;

import static org.exhunt.yara.module.ValueType.Scalar.INTEGER;
import static org.exhunt.yara.module.ValueType.Scalar.STRING;

/** {@code hash}: digests of a range of the scanned data {@code (offset, size)} or of a string. */
final class HashModule {

    static final ModuleSchema SCHEMA = new ModuleSchema("hash", StructBuilder.build(b -> {
        for (String f : new String[] {"md5", "sha1", "sha256"}) {
            b.function(f, STRING, INTEGER, INTEGER).function(f, STRING, STRING);
        }
        for (String f : new String[] {"checksum32", "crc32"}) {
            b.function(f, INTEGER, INTEGER, INTEGER).function(f, INTEGER, STRING);
        }
    }));

    private HashModule() {
    }
}
