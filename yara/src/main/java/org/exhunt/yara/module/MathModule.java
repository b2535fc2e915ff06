package org.exhunt.yara.module;

import static org.exhunt.yara.module.ValueType.Scalar.BOOLEAN;
import static org.exhunt.yara.module.ValueType.Scalar.FLOAT;
import static org.exhunt.yara.module.ValueType.Scalar.INTEGER;
import static org.exhunt.yara.module.ValueType.Scalar.STRING;

/**
 * {@code math}: statistics over a range of the scanned data {@code (offset, size)} or over a
 * string, as YARA's module documents them.
 */
final class MathModule {

    static final ModuleSchema SCHEMA = new ModuleSchema("math", StructBuilder.build(b -> {
        b.floating("MEAN_BYTES");
        for (String f : new String[] {"entropy", "mean", "serial_correlation", "monte_carlo_pi"}) {
            b.function(f, FLOAT, INTEGER, INTEGER).function(f, FLOAT, STRING);
        }
        b.function("deviation", FLOAT, INTEGER, INTEGER, FLOAT).function("deviation", FLOAT, STRING, FLOAT);
        b.function("in_range", INTEGER, FLOAT, FLOAT, FLOAT);
        b.function("max", INTEGER, INTEGER, INTEGER).function("min", INTEGER, INTEGER, INTEGER);
        b.function("to_number", INTEGER, BOOLEAN);
        b.function("abs", INTEGER, INTEGER);
        b.function("count", INTEGER, INTEGER, INTEGER, INTEGER).function("count", INTEGER, INTEGER);
        b.function("percentage", FLOAT, INTEGER, INTEGER, INTEGER).function("percentage", FLOAT, INTEGER);
        b.function("mode", INTEGER, INTEGER, INTEGER).function("mode", INTEGER);
    }));

    private MathModule() {
    }
}
