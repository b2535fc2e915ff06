package org.exhunt.sigma.value;

import java.util.List;

/** What compiling a value may need from its surroundings: placeholder values and field mapping. */
public interface ValueContext {

    /** The values configured for placeholder {@code %name%}, or {@code null} if it is unknown. */
    List<String> placeholder(String name);

    /** The event field a rule field maps to; used for the field a {@code fieldref} names. */
    String mapField(String ruleField);

    /** A context with no placeholders and no field mapping. */
    static ValueContext none() {
        return new ValueContext() {
            @Override
            public List<String> placeholder(String name) {
                return null;
            }

            @Override
            public String mapField(String ruleField) {
                return ruleField;
            }
        };
    }
}
