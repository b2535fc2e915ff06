package org.exhunt.hunt.ioc;

import java.util.List;

/**
 * A named IOC list: one file. Its {@link #ruleId()} is the rule id findings carry, stable
 * across releases so that reports and suppressions can name it.
 *
 * @param name   the list's short name ({@code hafnium-2021-ips}), from its file name or a
 *               {@code #! name:} line
 * @param title  what findings from this list are called; from a {@code #! title:} line
 * @param tags   Sigma-style tags every finding of the list carries ({@code attack.t1190},
 *               {@code cve.2021-26855}); from {@code #! tags:} lines
 * @param source the file (or resource) it was read from
 */
public record IocList(String name, String title, List<String> tags, String source) {
    public IocList {
        tags = List.copyOf(tags);
    }

    /** The rule id of findings from this list: {@code ioc:} and the list name. */
    public String ruleId() {
        return "ioc:" + name;
    }
}
