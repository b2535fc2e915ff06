package org.exhunt.yara;

import java.util.List;
import org.exhunt.yara.syntax.Rule;
import org.exhunt.yara.syntax.StringDef;

/**
 * The checks libyara makes on a rule at compile time: a name not used before, unique string
 * identifiers, regexes it can compile, a condition that types, every string used.
 */
final class RuleChecker {

    private final Namespace names;
    private final RegexValidator regexValidator;

    RuleChecker(Namespace names, RegexValidator regexValidator) {
        this.names = names;
        this.regexValidator = regexValidator;
    }

    /** Checks a rule and, when it passes, makes it visible to the rules after it. */
    void check(Rule rule) {
        if (names.isTaken(rule.name())) {
            throw ConditionChecker.fail(rule.pos(), "duplicated identifier \"" + rule.name() + "\"");
        }
        StringTable strings = new StringTable(rule.strings());
        for (StringDef s : rule.strings()) {
            if (s instanceof StringDef.RegexString r) {
                regexValidator.problem(r.regex()).ifPresent(p -> {
                    throw ConditionChecker.fail(r.pos(), "invalid regular expression \"" + r.id() + "\": " + p);
                });
            }
        }
        new ConditionChecker(names, strings, regexValidator).checkCondition(rule.condition());
        List<StringDef> unused = strings.unreferenced();
        if (!unused.isEmpty()) {
            StringDef s = unused.get(0);
            throw ConditionChecker.fail(s.pos(), "unreferenced string \"" + s.id() + "\"");
        }
        names.addPending(rule);
    }
}
