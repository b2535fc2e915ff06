package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final String RULES = """
            title: first
            logsource:
                category: webserver
            detection:
                selection:
                    cs-uri-stem|contains: /ecp/
                    cs-method: POST
                agent:
                    cs-user-agent|contains: python
                condition: selection and agent
            ---
            title: second
            logsource:
                category: webserver
            detection:
                keywords:
                    - python
                condition: keywords
            ---
            title: windows only
            logsource:
                product: windows
            detection:
                selection:
                    Image|endswith: cmd.exe
                condition: selection
            """;

    private static final MapEvent HIT = MapEvent.of("cs-method", "POST", "cs-uri-stem", "/ecp/DDI.aspx",
            "cs-user-agent", "python-requests/2.25", "c-ip", "10.0.0.1");

    @Test
    void matches_arrive_in_rule_order_with_the_fields_the_rule_reads() {
        SigmaEngine engine = Rules.engine(RULES);
        List<RuleMatch> hits = new ArrayList<>();
        engine.matcherFor(new Logsource("iis", "webserver", null)).match(HIT, hits::add);
        assertThat(hits).extracting(h -> h.rule().title()).containsExactly("first", "second");
        assertThat(hits.get(0).fields()).containsExactly(
                org.assertj.core.api.Assertions.entry("cs-uri-stem", "/ecp/DDI.aspx"),
                org.assertj.core.api.Assertions.entry("cs-method", "POST"),
                org.assertj.core.api.Assertions.entry("cs-user-agent", "python-requests/2.25"));
        assertThat(hits.get(1).fields()).isEmpty();
        assertThat(hits.get(0).event()).isSameAs(HIT);
    }

    @Test
    void match_fields_use_the_mapped_event_field_names() {
        RuleSet set = Rules.load(RULES);
        Pipeline p = Pipeline.parse("p.yml", "fieldmappings:\n  cs-user-agent: ua\n");
        SigmaEngine engine = SigmaEngine.compile(set, p, true, StandInPredicates.COMPILER);
        MapEvent e = MapEvent.of("cs-method", "POST", "cs-uri-stem", "/ecp/", "ua", "python");
        List<RuleMatch> hits = new ArrayList<>();
        engine.matcherFor(null).match(e, hits::add);
        assertThat(hits.get(0).fields()).containsKeys("ua").doesNotContainKey("cs-user-agent");
    }

    @Test
    void matchers_hold_only_the_rules_for_their_source_and_are_cached() {
        SigmaEngine engine = Rules.engine(RULES);
        Logsource web = new Logsource(null, "webserver", null);
        assertThat(engine.matcherFor(web).ruleCount()).isEqualTo(2);
        assertThat(engine.matcherFor(new Logsource("windows", null, "security")).ruleCount()).isEqualTo(1);
        assertThat(engine.matcherFor(null).ruleCount()).isEqualTo(3);
        assertThat(engine.matcherFor(new Logsource(null, "webserver", null))).isSameAs(engine.matcherFor(web));
        assertThat(engine.compiledRules()).isEqualTo(3);
    }

    @Test
    void many_threads_can_share_one_matcher() throws Exception {
        Matcher m = Rules.engine(RULES).matcherFor(null);
        MapEvent miss = MapEvent.of("cs-method", "GET", "cs-uri-stem", "/owa/");
        MapEvent cmd = MapEvent.of("Image", "C:\\Windows\\System32\\cmd.exe");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 2000; i++) {
                        for (MapEvent e : List.of(HIT, miss, cmd)) {
                            int[] n = {0};
                            m.match(e, h -> n[0]++);
                            if (i == 0) {
                                sb.append(n[0]);
                            } else if (sb.charAt(List.of(HIT, miss, cmd).indexOf(e)) - '0' != n[0]) {
                                return "inconsistent";
                            }
                        }
                    }
                    return sb.toString();
                }));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("201");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_engine_hands_out_a_correlator_over_its_rules() {
        SigmaEngine engine = Rules.engine(RULES);
        assertThat(engine.correlator()).isNotNull();
        assertThat(engine.ruleSet().rules()).hasSize(3);
    }
}
