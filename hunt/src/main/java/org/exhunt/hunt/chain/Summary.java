package org.exhunt.hunt.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.exposure.Chains;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.ActorChain;

/**
 * Writes a chain's one-paragraph story from its data alone, so the same findings always give the
 * same words: who, through which known exploit chain, when, what was done at each stage, which
 * web shells were involved and with which user agents. The telling part comes first, so a
 * shortened summary (a terminal line) still says the most.
 */
final class Summary {

    private static final int MAX_NAMES = 3;

    private Summary() {
    }

    static String write(List<String> addresses, Instant first, Instant last, List<String> cves,
                        List<ChainAssembler.StageBuilder> stages, List<String> webShells,
                        List<String> userAgents, List<ActorChain.RuleCount> rules) {
        StringBuilder text = new StringBuilder();
        if (addresses.isEmpty()) {
            text.append("Activity on the server tied to no client address");
        } else {
            text.append(names(addresses, "address")).append(" acted");
        }
        if (!cves.isEmpty()) text.append(" through ").append(exploits(cves));
        if (first != null) {
            text.append(first.equals(last) ? " at " + first : " from " + first + " to " + last);
        }
        text.append('.');
        if (!stages.isEmpty()) {
            text.append(" By stage: ");
            for (int i = 0; i < stages.size(); i++) {
                ChainAssembler.StageBuilder stage = stages.get(i);
                Finding leading = stage.leading();
                if (i > 0) text.append("; ");
                text.append(KillChain.words(stage.tactic)).append(" — ").append(leading.rule().title());
                long others = stage.count - stage.perRule.get(leading.rule().id());
                text.append(" (").append(count(stage.count, "finding"));
                if (others > 0) text.append(", ").append(count(stage.perRule.size() - 1, "other rule"));
                text.append(')');
            }
            text.append('.');
        } else if (!rules.isEmpty()) {
            ActorChain.RuleCount top = rules.get(0);
            text.append(" Most found: ").append(top.title()).append(" (").append(count(top.count(), "finding"))
                    .append(").");
        }
        if (!webShells.isEmpty()) {
            text.append(webShells.size() == 1 ? " Web shell: " : " Web shells: ")
                    .append(names(webShells, "path")).append('.');
        }
        if (!userAgents.isEmpty()) {
            text.append(userAgents.size() == 1 ? " User agent: " : " User agents: ")
                    .append(names(userAgents, "user agent")).append('.');
        }
        return text.toString();
    }

    /** "ProxyLogon (CVE-2021-26855, CVE-2021-27065)"; CVEs of no known chain are named alone. */
    private static String exploits(List<String> cves) {
        Map<String, List<String>> byChain = new LinkedHashMap<>();
        List<String> loose = new ArrayList<>();
        for (String cve : cves) {
            List<String> chains = Chains.of(cve);
            if (chains.isEmpty()) loose.add(cve);
            else byChain.computeIfAbsent(chains.get(0), c -> new ArrayList<>()).add(cve);
        }
        List<String> parts = new ArrayList<>();
        byChain.forEach((chain, ids) -> parts.add(chain + " (" + String.join(", ", ids) + ")"));
        if (!loose.isEmpty()) parts.add(String.join(", ", loose));
        return join(parts);
    }

    private static String names(List<String> names, String noun) {
        if (names.size() <= MAX_NAMES) return join(names);
        int more = names.size() - MAX_NAMES;
        return String.join(", ", names.subList(0, MAX_NAMES)) + " and " + count(more, "other " + noun);
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
