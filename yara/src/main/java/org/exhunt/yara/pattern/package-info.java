/**
 * Byte-level matching of YARA strings, independent of the rule language: describe each string
 * with {@link org.exhunt.yara.pattern.PatternSpec} (text with {@link org.exhunt.yara.pattern.Modifiers},
 * hex, or regex), compile them together into a {@link org.exhunt.yara.pattern.PatternSet}, and
 * {@code scan} a buffer: every match arrives at a {@link org.exhunt.yara.pattern.MatchSink} with
 * the pattern's index, its offset and its length, as {@code yara -s} reports them.
 *
 * <h2>How a scan works</h2>
 * Every pattern gives up to four-byte atoms (one window per alternative, chosen for rare bytes;
 * nocase letters, wide, xor keys and base64 alignments expand into several atoms). One
 * Aho–Corasick pass over the buffer finds all atoms; each occurrence names the offsets where its
 * pattern could start, and only those are verified by the pattern's own matcher. Hex strings and
 * regexes are Thompson NFAs run by a Pike VM anchored at the start offset, so time is linear in
 * the bytes examined, never exponential.
 *
 * <h2>Semantics kept from YARA 4.x</h2>
 * <ul>
 *   <li>One match per start offset; overlapping matches are all reported; empty matches never.</li>
 *   <li>Regexes and hex strings give the Perl-priority length: greedy quantifiers take the most,
 *       lazy ones and hex jumps the least, the first alternative that leads to a match wins.</li>
 *   <li>A regex or hex piece consumes at most {@link org.exhunt.yara.pattern.Limits#MAX_MATCH_LENGTH}
 *       bytes; hex jumps with a bound over 200, or unbounded, split the string into chained pieces
 *       that may be any distance apart within the jump; so does a top-level lazy {@code .{n,m}?}
 *       in a regex, whose gap then takes any byte, newline included.</li>
 *   <li>{@code ^} and {@code $} refer to the whole buffer; {@code \b} holds at both ends of the
 *       readable input; {@code .} skips {@code \n} unless dot-all; {@code nocase} folds ASCII
 *       letters only, inside classes before negation. Greedy and lazy quantifiers cannot be
 *       mixed, an empty first alternative and {@code {0}} are refused, {@code {,}} means
 *       {@code *}, and braces that form no repeat are literal text, all as in YARA.</li>
 *   <li>ASCII and wide forms are verified separately, ASCII first; {@code fullword} rejects a form
 *       touching an alphanumeric (a wide alphanumeric for a wide form) and leaves the other form
 *       free to match. {@code xor} includes key 0 when it is in range and xors a wide form's zero
 *       bytes too. {@code base64}/{@code base64wide} search the three alignments, trimmed of the
 *       characters that depend on neighbouring bytes.</li>
 *   <li>At most {@link org.exhunt.yara.pattern.Limits#MAX_MATCHES_PER_PATTERN} matches per pattern.</li>
 * </ul>
 *
 * <h2>Known differences</h2>
 * When a regex or hex string can match at one offset in several ways (two alternatives, or a hex
 * string with two jumps that can each take several lengths), YARA keeps the way whose atom its
 * scan met first or last, which follows from its own atom choice; here the priority order
 * (first alternative, shortest jump) always decides. Offsets are the same; only such lengths
 * can differ. A wide regex is never chained. {@code ~} in hex strings follows YARA 4.3 and later
 * (4.2 refuses it).
 */
package org.exhunt.yara.pattern;
