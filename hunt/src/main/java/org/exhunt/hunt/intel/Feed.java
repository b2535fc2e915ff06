package org.exhunt.hunt.intel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.ioc.IocProblem;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.IocType;

/**
 * One indicator feed as read: where it came from, what it is called, the indicators exhunt can
 * match and the problems (unreadable parts, values of kinds exhunt does not match).
 *
 * @param source   the file it was read from
 * @param format   the format recognised from its content ({@code STIX 2.1}, {@code MISP}, …)
 * @param name     the list name, which makes the rule id {@code ioc:<name>} of its findings
 * @param title    the title of its findings; names the feed
 * @param tags     Sigma-style tags every finding of the feed carries
 * @param entries  the usable indicators, in feed order, without duplicates
 * @param problems what could not be read or used, with the place in the feed
 */
public record Feed(String source, String format, String name, String title, List<String> tags,
                   List<FeedEntry> entries, List<IocProblem> problems) {

    public Feed {
        tags = List.copyOf(tags);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The feed's indicators as an IOC set named and titled after the feed. */
    public IocSet iocSet() {
        if (entries.isEmpty()) return IocSet.empty();
        return IocSet.parse(source, toTsv());
    }

    /** The feed in exhunt's own list format (docs/rules.md, "IOC lists"), for review and reuse. */
    public String toTsv() {
        return TsvText.write(this);
    }

    /** How many indicators of each type the feed gives. */
    public Map<IocType, Integer> counts() {
        Map<IocType, Integer> counts = new EnumMap<>(IocType.class);
        for (FeedEntry e : entries) counts.merge(e.type(), 1, Integer::sum);
        return counts;
    }

    /** Whether nothing at all could be read from the feed. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
