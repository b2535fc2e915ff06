/**
 * What modules such as {@code pe} offer to conditions, as types the compiler checks rules
 * against: {@link org.exhunt.yara.module.ModuleSchema}, built with
 * {@link org.exhunt.yara.module.StructBuilder}; {@link org.exhunt.yara.module.BuiltinModules}
 * holds {@code math}, {@code hash} and the commonly used part of {@code pe}.
 */
package org.exhunt.yara.module;
