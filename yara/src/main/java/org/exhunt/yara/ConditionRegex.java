package org.exhunt.yara;

import java.util.List;
import org.exhunt.yara.module.ModuleRegex;
import org.exhunt.yara.pattern.MatchSink;
import org.exhunt.yara.pattern.PatternSet;
import org.exhunt.yara.pattern.PatternSpec;
import org.exhunt.yara.syntax.Regex;

/**
 * A regular expression of a condition ({@code filename matches /\.aspx$/i}) or a module
 * function's argument: searched anywhere in a string by the same engine as rule strings.
 */
final class ConditionRegex implements ModuleRegex {

    private final PatternSet set;

    private ConditionRegex(PatternSet set) {
        this.set = set;
    }

    /** The compiled expression; one the engine refuses never matches. */
    static ModuleRegex compile(Regex regex) {
        try {
            return new ConditionRegex(PatternSet.compile(List.of(PatternSpec.regex(regex.source(), regex.nocase(), regex.dotAll()))));
        } catch (IllegalArgumentException e) {
            return text -> false;
        }
    }

    @Override
    public boolean find(String text) {
        boolean[] found = {false};
        MatchSink sink = (p, offset, length) -> found[0] = true;
        set.scan(ConditionEvaluator.bytes(text), sink);
        return found[0];
    }
}
