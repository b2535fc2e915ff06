package org.exhunt.yara.module;

import java.util.Map;

/**
 * Computes a module's values for one scanned buffer, the runtime side of a {@link ModuleSchema}.
 *
 * <p>The result is a tree of plain values, keyed by the schema's field names:
 * <ul>
 *   <li>integers are {@link Long}, floats {@link Double} (NaN reads as undefined);</li>
 *   <li>strings are {@link String}s holding bytes, one char per byte (ISO-8859-1), because module
 *       strings such as section names or certificate fields are raw bytes, not text;</li>
 *   <li>structures and dictionaries are {@link Map}s with String keys, arrays are {@link java.util.List}s;</li>
 *   <li>functions are {@link ModuleFunction}s.</li>
 * </ul>
 * A field that is absent, or mapped to null, is undefined, exactly as an unset field in libyara:
 * conditions that read it are undefined and the rule does not match through it.
 *
 * <p>Implementations must never throw on hostile data: a truncated or lying header leaves the
 * fields it would have set undefined. They must be safe to call from several threads at once.
 */
public interface ModuleRuntime {

    /** The name rules import, e.g. {@code "pe"}. */
    String name();

    /** The module's values for {@code data}; the array is not modified and not kept. */
    Map<String, Object> load(byte[] data);
}
