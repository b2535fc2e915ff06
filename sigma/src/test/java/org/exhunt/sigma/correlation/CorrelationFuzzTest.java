package org.exhunt.sigma.correlation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.exhunt.sigma.CorrelationMatch;
import org.exhunt.sigma.Correlator;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleMatch;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaRule;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target: any bytes, read as YAML beside two detection rules, load, resolve and correlate
 * a few matches without an exception escaping. Runs its seed inputs as a regression test in
 * normal builds; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class CorrelationFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void correlating_any_rule_text_never_throws(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        RuleSet rules = new RuleLoader().addText("fuzz.yml", text)
                .addText("a.yml", Fixture.detectionRule("a")).addText("b.yml", Fixture.detectionRule("b")).load();
        Correlator correlator = Correlator.create(rules);
        correlator.problems();
        int second = 0;
        for (SigmaRule rule : rules.rules()) {
            correlator.reportsOnItsOwn(rule);
            if (correlator.wants(rule)) {
                for (int i = 0; i < 4; i++) {
                    correlator.accept(new RuleMatch(rule, new MapEvent(Fixture.at(second++ * 7L % 13), Map.of(
                            "User", "u" + (i % 2), "ComputerName", "h", "Host", "h", "ip", "192.0.2.1",
                            "sc-bytes", (long) i * 1000, "bytes_sent", "12.5", "Image", "x" + i)), Map.of()));
                }
            }
        }
        for (CorrelationMatch match : correlator.finish()) {
            if (match.first().isAfter(match.last()) || match.matchCount() < match.matches().size()) {
                throw new IllegalStateException("inconsistent correlation match " + match);
            }
        }
    }
}
