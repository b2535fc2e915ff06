/**
 * What MITRE ATT&CK Enterprise knows, as far as the report needs it: technique and tactic names,
 * the matrix order of tactics, and the techniques known groups are documented to use, so that a
 * chain of findings can say which groups it resembles. The facts travel with the rule pack
 * ({@code rules/attack/}); {@link org.exhunt.hunt.attack.AttackCatalog#builtIn()} reads them.
 */
package org.exhunt.hunt.attack;
