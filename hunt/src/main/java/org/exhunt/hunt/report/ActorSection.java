package org.exhunt.hunt.report;

import static org.exhunt.hunt.report.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhunt.hunt.attack.Resemblance;

/**
 * Each actor's chain as a story: a summary paragraph, who they were (addresses, user agents,
 * accounts, web shells), the stages of the attack, a timeline chart, the steps with their
 * evidence, and which known groups' techniques it resembles.
 */
final class ActorSection {

    /** Past this many steps an actor's table stops; the JSON report holds them all. */
    static final int MAX_STEPS = 1000;
    /** Actors past this many are counted, not drawn (the findings table still holds their findings). */
    static final int MAX_ACTORS = 50;
    /** Values past this many in a fact list are counted, not listed. */
    static final int MAX_VALUES = 50;

    private ActorSection() {
    }

    static void write(StringBuilder html, List<ActorChain> chains) {
        if (chains.isEmpty()) return;
        html.append("<section id=\"actors\">\n<h2>Actors</h2>\n");
        int shown = Math.min(chains.size(), MAX_ACTORS);
        for (int i = 0; i < shown; i++) actor(html, chains.get(i), i + 1);
        if (chains.size() > shown) {
            html.append("<p class=\"note\">").append(chains.size() - shown)
                    .append(" more actors are in the JSON report.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void actor(StringBuilder html, ActorChain chain, int number) {
        html.append("<article class=\"actor\" id=\"actor-").append(number).append("\">\n<h3>");
        if (chain.actor() == null) {
            html.append("Findings that name no client address");
        } else {
            html.append("Actor <span class=\"mono\">").append(escape(chain.actor())).append("</span>");
        }
        html.append("</h3>\n<p class=\"meta\">").append(HtmlText.count(chain.findings(), "finding"));
        List<String> levels = new ArrayList<>();
        chain.levels().forEach((level, n) -> levels.add(n + " " + level));
        if (!levels.isEmpty()) html.append(" (").append(escape(String.join(", ", levels))).append(')');
        if (chain.first() != null) {
            html.append(" · ").append(HtmlText.time(chain.first())).append(" to ").append(HtmlText.time(chain.last()));
        }
        html.append("</p>\n");
        if (!chain.summary().isBlank()) html.append("<p class=\"summary\">").append(escape(chain.summary())).append("</p>\n");
        facts(html, chain);
        stages(html, chain.stages());
        if (!chain.steps().isEmpty()) {
            html.append("<h4>Timeline</h4>\n");
            ChainTimelineSvg.write(html, chain);
            legend(html, chain);
            steps(html, chain.steps());
        }
        resembles(html, chain.resembles());
        html.append("</article>\n");
    }

    private static void facts(StringBuilder html, ActorChain chain) {
        html.append("<dl class=\"facts\">\n");
        fact(html, "Addresses", chain.addresses());
        fact(html, "User agents", chain.userAgents());
        fact(html, "Accounts", chain.accounts());
        fact(html, "Web shells", chain.webShells());
        fact(html, "CVEs", chain.cves());
        fact(html, "Tactics", chain.tactics());
        html.append("</dl>\n");
    }

    private static void fact(StringBuilder html, String name, List<String> values) {
        if (values.isEmpty()) return;
        html.append("<dt>").append(name).append("</dt><dd>");
        int shown = Math.min(values.size(), MAX_VALUES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) html.append("<br>");
            html.append("<code>").append(escape(values.get(i))).append("</code>");
        }
        if (values.size() > shown) html.append("<br>… ").append(values.size() - shown).append(" more");
        html.append("</dd>\n");
    }

    private static void stages(StringBuilder html, List<ActorChain.Stage> stages) {
        if (stages.isEmpty()) return;
        html.append("<h4>Stages</h4>\n<ol class=\"stages\">\n");
        for (ActorChain.Stage stage : stages) {
            html.append("<li><span class=\"swatch tac-").append(escape(laneOf(stage.tactic()))).append("\"></span><b>")
                    .append(escape(AttackNames.tactic(stage.tactic()))).append("</b> ");
            if (stage.first() != null) {
                html.append(HtmlText.time(stage.first()));
                if (stage.last() != null && !stage.last().equals(stage.first())) {
                    html.append(" to ").append(HtmlText.time(stage.last()));
                }
                html.append(" · ");
            }
            html.append(HtmlText.count(stage.findings(), "finding"));
            if (!stage.techniques().isEmpty()) {
                html.append(" · ").append(escape(String.join(", ",
                        stage.techniques().stream().map(AttackNames::technique).toList())));
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n");
    }

    private static String laneOf(String tactic) {
        return tactic != null && ChainTimelineSvg.KILL_CHAIN.contains(tactic) ? tactic : ChainTimelineSvg.OTHER;
    }

    private static void legend(StringBuilder html, ActorChain chain) {
        List<String> present = new ArrayList<>();
        for (ActorChain.Step s : chain.steps()) {
            if (s.time() == null) continue; // not in the chart
            String lane = ChainTimelineSvg.lane(s);
            if (!present.contains(lane)) present.add(lane);
        }
        if (present.isEmpty()) return;
        html.append("<p class=\"legend\">");
        for (String tactic : ChainTimelineSvg.KILL_CHAIN) {
            if (present.contains(tactic)) legendEntry(html, tactic);
        }
        if (present.contains(ChainTimelineSvg.OTHER)) legendEntry(html, ChainTimelineSvg.OTHER);
        html.append("</p>\n");
    }

    private static void legendEntry(StringBuilder html, String tactic) {
        html.append("<span><span class=\"swatch tac-").append(tactic).append("\"></span>")
                .append(escape(AttackNames.tactic(tactic))).append("</span>");
    }

    private static void steps(StringBuilder html, List<ActorChain.Step> steps) {
        html.append("<h4>Steps</h4>\n<div class=\"scroll\"><table class=\"steps\">\n<thead><tr><th>Time</th>")
                .append("<th>Tactic</th><th>Level</th><th>What</th><th>Target</th><th>Evidence</th><th>Count</th>")
                .append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(steps.size(), MAX_STEPS);
        for (int i = 0; i < shown; i++) {
            ActorChain.Step s = steps.get(i);
            String level = s.level() == null ? "" : s.level().toLowerCase(Locale.ROOT);
            html.append("<tr><td class=\"when\">").append(HtmlText.time(s.time()));
            if (s.last() != null && s.time() != null && s.last().isAfter(s.time())) {
                html.append("<br><span class=\"meta\">to ").append(HtmlText.time(s.last())).append("</span>");
            }
            html.append("</td><td>").append(escape(s.tactic())).append("</td><td class=\"level ").append(escape(level))
                    .append("\">").append(escape(level)).append("</td><td>").append(escape(s.title()));
            if (s.address() != null) html.append("<br><span class=\"meta mono\">").append(escape(s.address())).append("</span>");
            html.append("</td><td class=\"mono\">").append(escape(s.target())).append("</td><td class=\"mono\">")
                    .append(escape(s.evidence())).append("</td><td class=\"num\">").append(s.count()).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
        if (steps.size() > shown) {
            html.append("<p class=\"note\">").append(steps.size() - shown).append(" more steps are in the JSON report.</p>\n");
        }
    }

    private static void resembles(StringBuilder html, List<Resemblance> resembles) {
        if (resembles.isEmpty()) return;
        html.append("<div class=\"resembles\">\n<h4>Similar techniques</h4>\n<ul>\n");
        for (Resemblance r : resembles) {
            html.append("<li>Similar techniques to <b>").append(escape(r.group())).append("</b> (")
                    .append(escape(r.groupId())).append("): ")
                    .append(Math.round(Math.max(0, Math.min(1, r.score())) * 100)).append(" % overlap");
            if (!r.shared().isEmpty()) {
                html.append("; shared ").append(escape(String.join(", ", r.shared().stream().map(AttackNames::technique).toList())));
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n<p class=\"note\">Similarity, not attribution: many groups use the same few techniques")
                .append(" against Exchange, and anyone can reuse a known group's tools.</p>\n</div>\n");
    }
}
