package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An actor's steps on a time axis, one lane per ATT&CK tactic in kill-chain order, drawn as
 * inline SVG: no library, no script, readable in any browser and in print. Colours come from the
 * style sheet by tactic class; each mark carries a tooltip with the step's time, rule and target.
 */
final class ChainTimelineSvg {

    /** Tactics in the order an intrusion moves through them; unknown ones go last, as "other". */
    static final List<String> KILL_CHAIN = List.of("reconnaissance", "resource-development", "initial-access",
            "execution", "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");
    static final String OTHER = "other";
    /** Marks beyond this are left out of the chart (the steps table lists them); a chart of more is unreadable. */
    static final int MAX_MARKS = 2000;

    private static final int WIDTH = 960;
    private static final int LEFT = 170;
    private static final int RIGHT = 24;
    private static final int TOP = 8;
    private static final int LANE = 26;
    private static final int AXIS = 34;
    private static final int TICKS = 5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ChainTimelineSvg() {
    }

    /** The lane a step belongs in. */
    static String lane(ActorChain.Step step) {
        return step.tactic() != null && KILL_CHAIN.contains(step.tactic()) ? step.tactic() : OTHER;
    }

    /** Writes the chart, or a note when no step has a time. */
    static void write(StringBuilder html, ActorChain chain) {
        List<ActorChain.Step> dated = new ArrayList<>();
        for (ActorChain.Step step : chain.steps()) {
            if (step.time() != null && dated.size() < MAX_MARKS) dated.add(step);
        }
        if (dated.isEmpty()) {
            html.append("<p class=\"note\">No step of this actor has a time to chart.</p>\n");
            return;
        }
        List<String> lanes = lanes(dated);
        Instant start = dated.get(0).time();
        Instant end = start;
        for (ActorChain.Step s : dated) {
            if (s.time().isBefore(start)) start = s.time();
            Instant last = s.last() != null && s.last().isAfter(s.time()) ? s.last() : s.time();
            if (last.isAfter(end)) end = last;
        }
        if (!end.isAfter(start)) {
            // One instant: centre it in a minute either side rather than divide by zero.
            start = start.minusSeconds(60);
            end = end.plusSeconds(60);
        }
        double span = Duration.between(start, end).toMillis();
        int height = TOP + lanes.size() * LANE + AXIS;
        html.append("<figure class=\"chart\"><svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(HtmlText.count(dated.size(), "step"))
                .append(" by tactic from ").append(HtmlText.time(start)).append(" to ").append(HtmlText.time(end))
                .append("\">\n");
        for (int i = 0; i < lanes.size(); i++) {
            int y = TOP + i * LANE;
            html.append("<rect class=\"lane").append(i % 2 == 0 ? " even" : "").append("\" x=\"").append(LEFT)
                    .append("\" y=\"").append(y).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                    .append("\" height=\"").append(LANE).append("\"/>")
                    .append("<text class=\"lane-label\" x=\"").append(LEFT - 8).append("\" y=\"").append(y + LANE / 2 + 4)
                    .append("\">").append(escape(AttackNames.tactic(lanes.get(i)))).append("</text>\n");
        }
        axis(html, start, end, span, lanes.size());
        for (ActorChain.Step s : dated) {
            int laneIndex = lanes.indexOf(lane(s));
            double cy = TOP + laneIndex * LANE + LANE / 2.0;
            double x = x(s.time(), start, span);
            String tactic = lane(s);
            html.append("<g class=\"mark tac-").append(escape(tactic)).append("\"><title>")
                    .append(HtmlText.time(s.time()));
            if (s.last() != null && s.last().isAfter(s.time())) html.append(" to ").append(HtmlText.time(s.last()));
            html.append(" · ").append(escape(s.title()));
            if (s.target() != null) html.append(" · ").append(escape(s.target()));
            if (s.count() > 1) html.append(" · ").append(s.count()).append("×");
            html.append("</title>");
            if (s.last() != null && s.last().isAfter(s.time())) {
                double x2 = x(s.last(), start, span);
                html.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(cy - 3)).append("\" width=\"")
                        .append(fmt(Math.max(1, x2 - x))).append("\" height=\"6\" rx=\"3\"/>");
            }
            html.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(cy)).append("\" r=\"")
                    .append(s.level() != null && (s.level().equals("critical") || s.level().equals("high")) ? 6 : 4)
                    .append("\"/></g>\n");
        }
        html.append("</svg>\n<figcaption>Times in UTC. Larger marks are high or critical; a bar spans a step")
                .append(" repeated over time.</figcaption></figure>\n");
    }

    private static List<String> lanes(List<ActorChain.Step> steps) {
        Set<String> present = new LinkedHashSet<>();
        for (ActorChain.Step s : steps) present.add(lane(s));
        List<String> lanes = new ArrayList<>();
        for (String tactic : KILL_CHAIN) if (present.contains(tactic)) lanes.add(tactic);
        if (present.contains(OTHER)) lanes.add(OTHER);
        return lanes;
    }

    private static void axis(StringBuilder html, Instant start, Instant end, double span, int lanes) {
        int y = TOP + lanes * LANE;
        html.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\"/>\n");
        Duration length = Duration.between(start, end);
        DateTimeFormatter format = length.toHours() < 24 ? CLOCK : length.toDays() < 7 ? DAY_CLOCK : DAY;
        for (int i = 0; i <= TICKS; i++) {
            Instant t = start.plusMillis((long) (span * i / TICKS));
            double x = x(t, start, span);
            String anchor = i == 0 ? "start" : i == TICKS ? "end" : "middle";
            html.append("<line class=\"tick\" x1=\"").append(fmt(x)).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(y + 5).append("\"/><text class=\"tick-label\" x=\"")
                    .append(fmt(x)).append("\" y=\"").append(y + 18).append("\" text-anchor=\"").append(anchor)
                    .append("\">").append(escape(format.format(t))).append("</text>\n");
        }
        if (format == CLOCK) {
            html.append("<text class=\"tick-label\" x=\"").append(LEFT).append("\" y=\"").append(y + 31)
                    .append("\">").append(escape(DAY.format(start))).append(" UTC</text>\n");
        }
    }

    private static double x(Instant t, Instant start, double span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (Duration.between(start, t).toMillis() / span);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
