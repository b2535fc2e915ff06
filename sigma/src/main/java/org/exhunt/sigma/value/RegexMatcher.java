package org.exhunt.sigma.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Set;
import org.exhunt.sigma.SigmaEvent;

/**
 * The {@code re} modifier with its flags {@code i}, {@code m}, {@code s}. The expression is
 * searched for anywhere in the text (anchor it with {@code ^}/{@code $} to match the whole
 * value), case-sensitively unless {@code i} is given. RE2/J runs in time linear in the text, so
 * a hostile value cannot make a rule hang; the price is that backreferences and lookaround,
 * which need backtracking, are refused when the rule is compiled. Required literals come from
 * {@link RegexLiterals}.
 */
final class RegexMatcher implements ValueMatcher {
    private final Pattern pattern;
    private final boolean matchesEmpty;
    private final Set<String> literals;
    /**
     * Runs a match must contain, lower-cased, as choices: one of each inner array must occur.
     * Checked before the regex engine runs.
     */
    private final LoweredRun[][] required;
    /** Set when the expression is a bare {@code .{n,}}: answered by counting, see {@link DotRun}. */
    private final DotRun dotRun;
    /** Set when the expression is a plain sequence of character items: run without RE2/J, see {@link LinearRegex}. */
    private final LinearRegex linear;
    /** Set for SigmaHQ's backtick-escaped PowerShell word expression, see {@link TickedWordRegex}. */
    private final TickedWordRegex ticked;

    private RegexMatcher(Pattern pattern, boolean ignoreCase, boolean multiline, boolean dotAll) {
        this.pattern = pattern;
        this.dotRun = DotRun.of(pattern.pattern(), dotAll);
        this.linear = LinearRegex.of(pattern.pattern(), ignoreCase, multiline, dotAll);
        this.ticked = TickedWordRegex.of(pattern.pattern(), ignoreCase, multiline, dotAll);
        this.matchesEmpty = pattern.matcher("").find();
        String lit = RegexLiterals.longestRequired(pattern.pattern(), ignoreCase);
        this.literals = matchesEmpty || lit.isEmpty() ? null : Set.of(lit);
        List<List<String>> choices = matchesEmpty ? List.of()
                : RegexLiterals.requiredChoices(pattern.pattern(), ignoreCase);
        this.required = new LoweredRun[choices.size()][];
        for (int i = 0; i < choices.size(); i++) {
            List<String> options = choices.get(i);
            required[i] = new LoweredRun[options.size()];
            for (int j = 0; j < options.size(); j++) {
                required[i][j] = new LoweredRun(options.get(j).toCharArray());
            }
        }
    }

    static RegexMatcher compile(String regex, boolean ignoreCase, boolean multiline, boolean dotAll)
            throws ValueException {
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE : 0) | (multiline ? Pattern.MULTILINE : 0)
                | (dotAll ? Pattern.DOTALL : 0);
        String trap = FoldTrap.find(regex, ignoreCase);
        if (trap != null) throw new ValueException("regular expression '" + regex + "' uses " + trap);
        try {
            return new RegexMatcher(Pattern.compile(regex, flags), ignoreCase, multiline, dotAll);
        } catch (PatternSyntaxException e) {
            String unsupported = unsupportedConstruct(regex);
            if (unsupported != null) {
                throw new ValueException("regular expression '" + regex + "' uses " + unsupported
                        + ", which the linear-time regex engine (RE2) does not support; rewrite it without it", e);
            }
            throw new ValueException("invalid regular expression '" + regex + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at offset " + e.getIndex() : ""), e);
        }
    }

    /** Names the backtracking-only construct in a pattern, or null when there is none. */
    static String unsupportedConstruct(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char n = regex.charAt(i + 1);
                if (!inClass && n >= '1' && n <= '9') {
                    return "a backreference (\\" + n + ")";
                }
                if (!inClass && n == 'k' && i + 2 < regex.length() && regex.charAt(i + 2) == '<') {
                    return "a named backreference (\\k<...>)";
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(' && regex.startsWith("(?", i)) {
                if (regex.startsWith("(?=", i)) {
                    return "a lookahead (?=...)";
                }
                if (regex.startsWith("(?!", i)) {
                    return "a negative lookahead (?!...)";
                }
                if (regex.startsWith("(?<=", i)) {
                    return "a lookbehind (?<=...)";
                }
                if (regex.startsWith("(?<!", i)) {
                    return "a negative lookbehind (?<!...)";
                }
                if (regex.startsWith("(?>", i)) {
                    return "an atomic group (?>...)";
                }
            } else if ((c == '+' || c == '*' || c == '?' || c == '}') && i + 1 < regex.length()
                    && regex.charAt(i + 1) == '+') {
                return "a possessive quantifier (" + c + "+)";
            }
        }
        return null;
    }

    @Override
    public boolean matches(Object value, SigmaEvent event, String field) {
        if (value == null) {
            return matchesEmpty && field != null && event.has(field);
        }
        String text = Texts.of(value);
        if (dotRun != null) {
            return dotRun.occursIn(text);
        }
        // Running RE2/J costs far more than looking for a few plain runs; most values that pass
        // a rule's literal gate still lack one of the expression's other required runs.
        for (LoweredRun[] options : required) {
            if (!containsAny(text, options)) {
                return false;
            }
        }
        if (ticked != null) {
            return ticked.find(text);
        }
        return linear != null ? linear.find(text) : pattern.matcher(text).find();
    }

    private static boolean containsAny(String text, LoweredRun[] options) {
        for (LoweredRun run : options) {
            if (run.occursIn(text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> literals() {
        return literals;
    }
}
