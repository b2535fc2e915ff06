/**
 * Sigma value modifiers: how one {@code field|mod1|mod2: values} detection item matches an
 * event. {@link org.exhunt.sigma.value.FieldPredicates#compile} turns the item into an immutable
 * {@link org.exhunt.sigma.value.FieldPredicate}; everything else here is package-private, one
 * class per modifier family.
 *
 * <p>Choices where the specification leaves room, each following pySigma (the reference
 * implementation) or the specification's own words:
 * <ul>
 *   <li>Comparison is case-insensitive per character ({@link java.lang.Character#toLowerCase(char)});
 *       {@code cased} makes it exact; {@code ?} stands for one UTF-16 code unit.</li>
 *   <li>{@code null} matches an absent or empty field; {@code ''} a present, empty one. A YAML
 *       number or boolean without string modifiers matches the same number (200 = "200" =
 *       200.0) or boolean; with them it is matched as its text.</li>
 *   <li>A list-valued field matches when any element does. Keywords are search terms: a plain
 *       keyword may occur anywhere inside any value of the event.</li>
 *   <li>{@code neq} negates the whole item (as pySigma does), so it also holds when the field is
 *       absent.</li>
 *   <li>{@code windash} treats all five dash-like characters the specification lists as one,
 *       wherever they occur in the value.</li>
 *   <li>{@code re} searches (unanchored); {@code contains}/{@code startswith}/{@code endswith}
 *       after {@code re} change nothing under search semantics.</li>
 *   <li>Leniency where real rules need it: {@code all} with a single value, and {@code null}
 *       inside a list of values, are accepted.</li>
 * </ul>
 */
package org.exhunt.sigma.value;
