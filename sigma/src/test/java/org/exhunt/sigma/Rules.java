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

    /** One rule document per detection body, titled {@code rule0}, {@code rule1}, ..., all of logsource product {@code t}. */
    static RuleSet loadDetections(List<String> detections) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < detections.size(); i++) {
            text.append(i == 0 ? "" : "---\n").append("title: rule").append(i).append("\nlogsource:\n    product: t\n")
                    .append("detection:\n").append(detections.get(i));
        }
        return load(text.toString());
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
