/**
 * The YARA language as text: {@link org.exhunt.yara.syntax.RuleParser} turns a rule file into a
 * {@link org.exhunt.yara.syntax.RuleFile} of immutable records (rules, their strings and
 * conditions), each node keeping its {@link org.exhunt.yara.syntax.Position}. Source is read one
 * char per byte, as YARA reads it. Names are resolved and types checked later, by
 * {@link org.exhunt.yara.YaraCompiler}.
 */
package org.exhunt.yara.syntax;
