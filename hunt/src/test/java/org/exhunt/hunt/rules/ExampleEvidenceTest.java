package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.verdict.Judge;
import org.exhunt.hunt.verdict.Judgement;
import org.exhunt.hunt.verdict.Verdict;
import org.junit.jupiter.api.Test;

class ExampleEvidenceTest {

    @Test
    void theCompromisedServerIsJudgedCompromisedWithProxyLogonFindings() {
        ExampleScan scan = ExampleScan.of(ExampleScan.example("proxylogon-compromised"));

        assertThat(scan.coverage).filteredOn(c -> !c.status().equals(FileCoverage.SKIPPED))
                .allSatisfy(c -> assertThat(c.status()).as(c.path()).isEqualTo(FileCoverage.READ));
        Set<String> tags = scan.findings.stream().flatMap(f -> f.rule().tags().stream()).collect(Collectors.toSet());
        assertThat(tags).contains("cve.2021-26855", "cve.2021-27065", "cve.2021-26858",
                "exhunt.outcome.success", "exhunt.outcome.post-exploitation");
        assertThat(scan.findings).anySatisfy(f -> {
            assertThat(f.engine()).isEqualTo("ioc");
            assertThat(f.actor().ip()).isEqualTo("108.61.246.56");
        });
        Judgement judgement = Judge.judge(scan.findings, scan.coverage);
        assertThat(judgement.verdict()).as(judgement.reasons().toString()).isEqualTo(Verdict.COMPROMISED);
    }

    @Test
    void theBusyCleanServerIsJudgedCleanWithNothingAboveLow() {
        ExampleScan scan = ExampleScan.of(ExampleScan.example("busy-clean"));

        assertThat(scan.coverage).isNotEmpty().allSatisfy(c -> assertThat(c.status()).as(c.path()).isEqualTo(FileCoverage.READ));
        assertThat(scan.coverage.stream().mapToLong(FileCoverage::events).sum()).isGreaterThan(3000);
        List<Finding> aboveLow = scan.findings.stream().filter(f -> f.level().atLeast(Level.MEDIUM)).toList();
        assertThat(aboveLow).as("findings above low on a clean server").isEmpty();
        Judgement judgement = Judge.judge(scan.findings, scan.coverage);
        assertThat(judgement.verdict()).as(judgement.reasons().toString()).isEqualTo(Verdict.CLEAN);
    }
}
