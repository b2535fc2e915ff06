package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Test shortcuts: load YAML text, compile it with the stand-in modifiers, list what matched. */
final class Rules {

    private Rules() {
    }

    static RuleSet load(String yaml) {
        return new RuleLoader().addText("test.yml", yaml).load();
    }

    static SigmaEngine engine(String yaml) {
        RuleSet set = load(yaml);
        assertThat(set.problems()).as("load problems").isEmpty();
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none(), true, StandInPredicates.COMPILER);
        assertThat(engine.problems()).as("compile problems").isEmpty();
        return engine;
    }

    /** A one-rule document with the given detection body (indented by four spaces already). */
    static String rule(String detection) {
        return "title: test rule\nid: r1\nlogsource:\n    product: test\ndetection:\n" + detection;
    }

    static boolean matches(String detection, SigmaEvent event) {
        return !titles(engine(rule(detection)), event).isEmpty();
    }

    static List<String> titles(SigmaEngine engine, SigmaEvent event) {
        List<String> out = new ArrayList<>();
        engine.matcherFor(null).match(event, m -> out.add(m.rule().title()));
        return out;
    }
}
