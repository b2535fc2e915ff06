package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.ReportFixtures;

class JudgePropertiesTest {

    private static final List<String> OUTCOMES = List.of("", "exhunt.outcome.recon", "exhunt.outcome.attempt",
            "exhunt.outcome.success", "exhunt.outcome.post-exploitation");

    /** Worse news ranks higher; inconclusive sits between clean and attempted (unknown, not good). */
    private static int rank(Verdict v) {
        return switch (v) {
            case CLEAN -> 0;
            case INCONCLUSIVE -> 1;
            case ATTEMPTED -> 2;
            case COMPROMISED -> 3;
        };
    }

    @Property
    void moreFindingsNeverMakeTheNewsBetter(@ForAll("findings") List<Finding> findings,
                                            @ForAll("findings") List<Finding> more) {
        Verdict before = Judge.judge(findings, ReportFixtures.oneIisLog()).verdict();
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        Verdict after = Judge.judge(all, ReportFixtures.oneIisLog()).verdict();

        assertThat(rank(after)).isGreaterThanOrEqualTo(rank(before));
    }

    @Property
    void orderOfFindingsDoesNotChangeTheJudgement(@ForAll("findings") List<Finding> findings) {
        List<Finding> reversed = new ArrayList<>(findings);
        Collections.reverse(reversed);

        assertThat(Judge.judge(reversed, ReportFixtures.oneIisLog()))
                .isEqualTo(Judge.judge(findings, ReportFixtures.oneIisLog()));
    }

    @Property
    void compromisedExactlyWhenASuccessOrPostExploitationRuleMatched(@ForAll("logFindings") List<Finding> findings) {
        boolean decisive = findings.stream().anyMatch(f -> f.rule().tags().stream()
                .anyMatch(t -> t.endsWith(".success") || t.endsWith(".post-exploitation")));

        Verdict verdict = Judge.judge(findings, ReportFixtures.oneIisLog()).verdict();

        assertThat(verdict == Verdict.COMPROMISED).isEqualTo(decisive);
        assertThat(Judge.judge(findings, ReportFixtures.oneIisLog()).reasons()).isNotEmpty();
    }

    @Provide
    Arbitrary<List<Finding>> findings() {
        return finding(true).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Finding>> logFindings() {
        return finding(false).list().ofMaxSize(6);
    }

    private static Arbitrary<Finding> finding(boolean filesToo) {
        Arbitrary<Level> levels = Arbitraries.of(Level.class);
        Arbitrary<String> outcomes = Arbitraries.of(OUTCOMES);
        Arbitrary<String> engines = Arbitraries.of("sigma", "yara", "ioc", "exhunt");
        Arbitrary<Boolean> onFile = filesToo ? Arbitraries.of(true, false) : Arbitraries.just(false);
        Arbitrary<Integer> lines = Arbitraries.integers().between(1, 500);
        return Combinators.combine(levels, outcomes, engines, onFile, lines).as((level, outcome, engine, file, line) -> {
            List<String> tags = outcome.isEmpty() ? List.of("attack.t1190") : List.of("attack.t1190", outcome);
            RuleRef rule = new RuleRef("rule-" + level + outcome, "Rule " + level + outcome, level, tags);
            SourceRef source = file ? new SourceRef("x.aspx", -1, -1, -1) : SourceRef.ofLine("u_ex.log", line, 0);
            return new Finding(rule, engine, file ? null : Instant.ofEpochSecond(1_614_700_000L + line), source,
                    Map.of(), new Actor("10.0.0." + (line % 4), null, null));
        });
    }
}
