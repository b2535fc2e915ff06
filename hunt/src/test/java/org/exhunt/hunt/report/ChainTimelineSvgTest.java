package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChainTimelineSvgTest {

    private static final Pattern LANE_LABEL = Pattern.compile("<text class=\"lane-label\"[^>]*>([^<]*)</text>");
    private static final Pattern CIRCLE_X = Pattern.compile("<circle cx=\"([0-9.]+)\"");

    private static String svg(ActorChain chain) {
        StringBuilder html = new StringBuilder();
        ChainTimelineSvg.write(html, chain);
        return html.toString();
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static ActorChain withSteps(List<ActorChain.Step> steps) {
        return new ActorChain("1.2.3.4", List.of("1.2.3.4"), List.of(), List.of(), List.of(), null, null,
                steps.size(), Map.of(), List.of(), List.of(), List.of(), List.of(), steps, "", List.of());
    }

    @Test
    void lanesFollowTheKillChainWithUnknownTacticsLast() {
        String svg = svg(withSteps(List.of(
                ChainFixtures.step(50, "credential-access", "dump", "critical", null),
                ChainFixtures.step(10, null, "odd", "low", null),
                ChainFixtures.step(0, "initial-access", "ssrf", "high", null))));

        assertThat(all(LANE_LABEL, svg)).containsExactly("Initial Access", "Credential Access", "other");
    }

    @Test
    void stepsArePlacedOnTheTimeAxisInTimeOrder() {
        String svg = svg(ChainFixtures.attacker("ua", "/a.aspx"));

        List<Double> xs = all(CIRCLE_X, svg).stream().map(Double::parseDouble).toList();
        assertThat(xs).hasSize(4).isSorted();
        assertThat(xs.get(0)).isLessThan(xs.get(3));
        assertThat(svg).contains("<g class=\"mark tac-credential-access\"><title>")
                .contains("02:10:11").contains("2021-03-03 UTC");
    }

    @Test
    void oneInstantIsCentredNotDividedByZero() {
        String svg = svg(withSteps(List.of(ChainFixtures.step(0, "initial-access", "ssrf", "high", null))));

        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(Double.parseDouble(all(CIRCLE_X, svg).get(0))).isBetween(500.0, 600.0);
    }

    @Test
    void chainWithoutDatedStepsGetsANoteInsteadOfAChart() {
        ActorChain.Step undated = new ActorChain.Step(null, null, "persistence", "r", "file", "critical", null,
                "x.aspx", "x.aspx", 1);

        assertThat(svg(withSteps(List.of(undated)))).doesNotContain("<svg").contains("No step of this actor has a time");
    }

    @Test
    void stepTextIsEscapedInsideTheTooltip() {
        String svg = svg(withSteps(List.of(ChainFixtures.step(0, "initial-access", "t</title><script>x()</script>",
                "high", "/p\"><svg onload=x()>"))));

        assertThat(svg).doesNotContain("<script").doesNotContain("<svg onload").contains("&lt;/title&gt;&lt;script&gt;");
    }
}
