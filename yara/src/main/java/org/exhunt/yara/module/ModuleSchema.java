package org.exhunt.yara.module;

/**
 * What a module ({@code import "pe"}) offers to conditions: its name and the structure of
 * fields, arrays, dictionaries and functions under that name. The compiler checks rules against
 * it; computing the values while scanning is the module's own business.
 */
public record ModuleSchema(String name, ValueType.Struct root) {
}
