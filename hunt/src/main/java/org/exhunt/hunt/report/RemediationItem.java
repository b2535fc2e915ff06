package org.exhunt.hunt.report;

import java.util.List;
import java.util.Objects;

/**
 * One step of the remediation checklist: what to do, why the evidence calls for it, and the
 * particulars (files, accounts, addresses, commands) a responder works through.
 *
 * @param id      a stable name of the kind of step ({@code patch}, {@code remove-web-shells}, …), for
 *                tests and for tools that tick steps off
 * @param title   the step as an instruction, one line
 * @param why     what in the evidence calls for it, one or two sentences
 * @param details the particulars, one per line, in the order to work through them; may be empty
 */
public record RemediationItem(String id, String title, String why, List<String> details) {
    public RemediationItem {
        Objects.requireNonNull(id, "remediation id");
        Objects.requireNonNull(title, "remediation title of " + id);
        Objects.requireNonNull(why, "remediation reason of " + id);
        details = List.copyOf(details);
    }
}
