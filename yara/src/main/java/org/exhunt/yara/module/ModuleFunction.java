package org.exhunt.yara.module;

import java.util.List;

/**
 * A module function such as {@code pe.imports} or {@code math.entropy}. One object serves every
 * overload of a name; it tells them apart by its arguments' Java types: {@link Long} for
 * integers, {@link Double} for floats, {@link String} (one char per byte) for strings and
 * {@link ModuleRegex} for regular expressions. Arguments are never undefined: a call with an
 * undefined argument is undefined without reaching the function.
 */
@FunctionalInterface
public interface ModuleFunction {

    /**
     * @param arguments the call's arguments, in order
     * @param data      the whole scanned buffer (for functions over {@code (offset, size)}); not modified
     * @return a Long, Double or String; null when the result is undefined
     */
    Object call(List<Object> arguments, byte[] data);
}
