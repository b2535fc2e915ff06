package org.exhunt.hunt.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.attack.Resemblance;

/**
 * Everything one actor did, as a story: the findings correlated across sources into one chain.
 * An actor is one or more client addresses tied together by what they share (a web shell, a
 * session's user agent, an account); findings that name no actor at all form the last chain.
 *
 * @param actor      the actor's main client address (the one with most findings), or {@code null}
 *                   for findings that name none (files found on disk with no request to them)
 * @param addresses  every client address of the actor, main one first, the rest sorted
 * @param userAgents the user agents the actor sent, sorted
 * @param accounts   the accounts the actor used or targeted, sorted
 * @param webShells  paths of web shells the actor wrote, used, or that were found on disk, sorted
 * @param first      the earliest finding time, or {@code null}
 * @param last       the latest finding time, or {@code null}
 * @param findings   how many findings belong to this actor
 * @param levels     findings per level word, most severe first, only levels that occur
 * @param tactics    ATT&CK tactics named by the rules' tags ({@code initial-access}, …), in kill-chain order
 * @param cves       CVEs named by the rules' tags ({@code CVE-2021-26855}), sorted
 * @param rules      the rules that matched, with how often
 * @param stages     the attack's stages in kill-chain order, each with its time span
 * @param steps      the distinct things the actor did, in time order (a repeated request is one step)
 * @param summary    one short paragraph saying what the actor did
 * @param resembles  known groups whose techniques overlap this chain's most (similarity, not attribution)
 */
public record ActorChain(String actor, List<String> addresses, List<String> userAgents, List<String> accounts,
                         List<String> webShells, Instant first, Instant last, long findings,
                         Map<String, Long> levels, List<String> tactics, List<String> cves,
                         List<RuleCount> rules, List<Stage> stages, List<Step> steps, String summary,
                         List<Resemblance> resembles) {
    public ActorChain {
        addresses = List.copyOf(addresses);
        userAgents = List.copyOf(userAgents);
        accounts = List.copyOf(accounts);
        webShells = List.copyOf(webShells);
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        tactics = List.copyOf(tactics);
        cves = List.copyOf(cves);
        rules = List.copyOf(rules);
        stages = List.copyOf(stages);
        steps = List.copyOf(steps);
        summary = summary == null ? "" : summary;
        resembles = List.copyOf(resembles);
    }

    /** One rule within a chain and how many findings it produced there. */
    public record RuleCount(String id, String title, String level, long count) {
    }

    /**
     * One stage of the attack.
     *
     * @param tactic     the ATT&CK tactic short name ({@code initial-access}, …)
     * @param first      the stage's earliest finding time, or {@code null}
     * @param last       the stage's latest finding time, or {@code null}
     * @param findings   how many findings show this stage
     * @param techniques ATT&CK technique ids seen in this stage ({@code T1190}), sorted
     */
    public record Stage(String tactic, Instant first, Instant last, long findings, List<String> techniques) {
        public Stage {
            techniques = List.copyOf(techniques);
        }
    }

    /**
     * One thing the actor did: findings of the same rule on the same target collapsed into one step.
     *
     * @param time     when it first happened, or {@code null}
     * @param last     when it last happened, or {@code null}
     * @param tactic   the step's ATT&CK tactic, or {@code null} when its rule names none
     * @param ruleId   the rule that found it
     * @param title    the rule's title
     * @param level    the rule's level word
     * @param address  the client address that did it, or {@code null}
     * @param target   what it was done to (a URL path, a file, a command line), or {@code null}
     * @param evidence where the first finding of the step is ({@code path:line} or {@code path#record})
     * @param count    how many findings the step stands for
     */
    public record Step(Instant time, Instant last, String tactic, String ruleId, String title, String level,
                       String address, String target, String evidence, long count) {
    }
}
