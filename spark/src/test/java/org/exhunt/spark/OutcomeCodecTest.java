package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.RetainedEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.exposure.BuildClue;
import org.exhunt.hunt.exposure.ExchangeBuild;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.finding.RuleRef;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanError;
import org.exhunt.hunt.scan.FileHunter;
import org.exhunt.hunt.scan.HeldMatch;
import org.junit.jupiter.api.Test;

class OutcomeCodecTest {

    @Test
    void outcomesComeBackEqualAfterTheirTripThroughTheShuffle() {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("cs-uri-stem", "/ecp/y.js");
        matched.put("correlation.events", 3);
        matched.put("empty", null);
        Finding finding = new Finding(new RuleRef("r-1", "SSRF", Level.HIGH, List.of("attack.t1190")), "sigma",
                Instant.parse("2021-03-03T02:05:00Z"), new SourceRef("lake/EXCH01/u_ex210303.log", 12, -1, 345),
                matched, new Actor("167.99.168.251", null, "ExchangeServicesClient/0.0.0.0"));
        Finding bare = new Finding(new RuleRef("r-2", "hash", Level.CRITICAL, List.of()), "ioc", null, null,
                Map.of(), Actor.UNKNOWN);
        FileCoverage coverage = new FileCoverage("lake/EXCH01/u_ex210303.log", "iis-w3c", 120,
                Instant.parse("2021-03-03T00:00:00Z"), Instant.parse("2021-03-03T23:59:59Z"), "partial", null,
                List.of("2 lines too long"));
        BuildClue build = new BuildClue(new ExchangeBuild(15, 1, 2106, 2), "registry.txt", BuildClue.Strength.REGISTRY);
        List<FileHunter.Outcome> outcomes = List.of(
                new FileHunter.Outcome(coverage, List.of(finding, bare), 4096, build, "EXCH01", List.of()),
                new FileHunter.Outcome(null, List.of(), 0, null, null, List.of(new ScanError("a.zip", "refused"))));

        SliceOutcome.Part part = new SliceOutcome.Part("file:/lake/EXCH01/Security.evtx", 7,
                new FileHunter.Outcome(coverage, List.of(finding), 65536, null, "EXCH01", List.of()));

        SliceOutcome back = OutcomeCodec.decode(OutcomeCodec.encode(new SliceOutcome(outcomes, List.of(part), List.of())));

        assertThat(back.files()).isEqualTo(outcomes);
        assertThat(back.parts()).containsExactly(part);
        assertThat(back.files().get(0).findings().get(1).actor()).isSameAs(Actor.UNKNOWN);
    }

    @Test
    void heldMatchesKeepRuleTimeSourceAndFieldsThroughTheShuffle() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("c-ip", "203.0.113.9");
        fields.put("EventID", 4625L);
        fields.put("Names", List.of("a", "b"));
        RetainedEvent event = new RetainedEvent(SourceKind.WINDOWS_EVTX,
                new SourceRef("lake/EXCH01/Security.evtx", -1, 4711, 70000), Instant.parse("2021-03-03T02:05:00Z"),
                fields, List.of());
        HeldMatch held = new HeldMatch(12, "r-12", event);

        SliceOutcome back = OutcomeCodec.decode(OutcomeCodec.encode(new SliceOutcome(List.of(), List.of(), List.of(held))));

        HeldMatch m = back.held().get(0);
        assertThat(m.rule()).isEqualTo(12);
        assertThat(m.ruleId()).isEqualTo("r-12");
        assertThat(m.event().kind()).isEqualTo(SourceKind.WINDOWS_EVTX);
        assertThat(m.event().source()).isEqualTo(event.source());
        assertThat(m.event().timestamp()).isEqualTo(event.timestamp());
        assertThat(m.event().fields()).isEqualTo(fields);
        assertThat(m.event().get("C-IP")).isEqualTo("203.0.113.9");
    }
}
