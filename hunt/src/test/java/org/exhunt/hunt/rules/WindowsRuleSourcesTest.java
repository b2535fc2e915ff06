package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.sigma.Logsource;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaRule;
import org.junit.jupiter.api.Test;

/**
 * The Windows rules and the text-log rules share one pack and one engine; each must only ever
 * see events of the logs it was written for.
 */
class WindowsRuleSourcesTest {

    private final RuleSet rules = new RuleLoader().addPath(RulePack.sigmaFolder()).load();

    private static boolean isWindowsRule(SigmaRule r) {
        return r.source().replace('\\', '/').contains("/windows/");
    }

    @Test
    void windowsRulesNameProductWindowsAndACategoryOrService() {
        List<SigmaRule> windows = rules.rules().stream().filter(WindowsRuleSourcesTest::isWindowsRule).toList();
        assertThat(windows).isNotEmpty();
        for (SigmaRule r : windows) {
            Logsource ls = r.logsource();
            assertThat(ls.product()).as(r.source()).isEqualTo("windows");
            assertThat(ls.category() != null || ls.service() != null).as("category or service in " + r.source()).isTrue();
        }
    }

    @Test
    void windowsRulesNeverApplyToTheTextLogsExhuntReads() {
        for (SigmaRule r : rules.rules()) {
            if (!isWindowsRule(r)) continue;
            for (SourceKind kind : SourceKind.values()) {
                // Windows exports choose rules per event, by the event's own logsource.
                if (kind.logsource() == null || kind.logsourcePerEvent()) continue;
                assertThat(r.logsource().appliesTo(kind.logsource()))
                        .as("%s applies to %s events", r.source(), kind.id()).isFalse();
            }
        }
    }

    @Test
    void textLogRulesNeverApplyToWindowsEvents() {
        for (SigmaRule r : rules.rules()) {
            if (isWindowsRule(r)) continue;
            for (Logsource windows : WindowsRuleCases.ALL) {
                assertThat(r.logsource().appliesTo(windows))
                        .as("%s applies to Windows events of %s", r.source(), windows).isFalse();
            }
        }
    }

    @Test
    void everyWindowsCaseUsesALogsourceItsRuleAppliesTo() {
        for (RuleCases.Case c : WindowsRuleCases.cases()) {
            SigmaRule rule = rules.rules().stream()
                    .filter(r -> r.source().replace('\\', '/').endsWith("/" + c.rule()))
                    .findFirst().orElseThrow(() -> new AssertionError("no rule file " + c.rule()));
            assertThat(rule.logsource().appliesTo(c.logsource())).as(c.rule()).isTrue();
        }
    }
}
