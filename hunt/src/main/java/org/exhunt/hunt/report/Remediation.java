package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.hunt.exposure.BuildTable;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.verdict.Retention;
import org.exhunt.hunt.verdict.Verdict;

/**
 * The remediation checklist fitted to a report: each step only when the evidence calls for it,
 * in the order to work through them (close the way in, remove what was left, undo what was done,
 * keep the evidence for next time). A clean report gets the two steps every server needs:
 * patch, and keep logs long enough to answer the question next time.
 *
 * <pre>{@code
 * for (RemediationItem step : Remediation.of(report)) {
 *     System.out.println("[ ] " + step.title());
 * }
 * }</pre>
 */
public final class Remediation {

    /**
     * How many days of logs to keep. ProxyLogon was exploited from 6 January 2021, eight weeks
     * before its fix was published on 2 March; logs of a few weeks could not show the first entry.
     * Six months leaves room for the next such gap.
     */
    public static final int KEEP_LOG_DAYS = 180;

    private Remediation() {
    }

    /** Whole days from a log's first entry to its last. */
    static long days(Retention.LogSpan span) {
        return java.time.Duration.between(span.earliest(), span.latest()).toDays();
    }

    /** The checklist for a report, the patch step read against exhunt's built-in build table. */
    public static List<RemediationItem> of(ScanReport report) {
        return of(report, BuildTable.builtIn());
    }

    /** The checklist for a report, the patch step read against the given build table. */
    public static List<RemediationItem> of(ScanReport report, BuildTable builds) {
        List<RemediationItem> steps = new ArrayList<>();
        steps.add(PatchAdvice.of(report.exposure(), builds));
        WebShellFiles shells = WebShellFiles.of(report);
        if (!shells.isEmpty()) steps.add(removeWebShells(shells));
        if (report.findings().stream().anyMatch(Remediation::touchesOab)) steps.add(checkOab());
        RemediationItem credentials = resetCredentials(report);
        if (credentials != null) steps.add(credentials);
        MailboxExports exports = MailboxExports.of(report);
        if (!exports.isEmpty()) steps.add(reviewExports(exports));
        AttackerAddresses addresses = AttackerAddresses.of(report.chains());
        if (!addresses.isEmpty()) steps.add(blockAddresses(addresses));
        if (report.judgement().verdict() == Verdict.INCONCLUSIVE || logsBeginTooLate(report.retention())) {
            steps.add(huntFurther(report));
        }
        steps.add(keepLogs(report));
        return List.copyOf(steps);
    }

    private static RemediationItem removeWebShells(WebShellFiles shells) {
        List<String> details = new ArrayList<>();
        shells.files.forEach((path, hash) -> details.add(path + (hash.isEmpty() ? "" : " (sha256 " + hash + ")")
                + (shells.copies.containsKey(path) ? "; its copy in the evidence: " + shells.copies.get(path) : "")));
        for (String web : shells.webPaths) {
            details.add("Web path " + web + " answered as a web shell: find the file behind it (IIS serves it from"
                    + " inetpub\\wwwroot or from Exchange's FrontEnd\\HttpProxy and ClientAccess folders).");
        }
        details.add("Copy them out first, hashes checked, for the responders: exhunt quarantine REPORT --to DIR"
                + " (REPORT is this scan's JSON report); then delete them from the server.");
        String count = shells.files.size() == 1 ? "1 file" : shells.files.size() + " files";
        return new RemediationItem("remove-web-shells",
                shells.files.isEmpty() ? "Find and remove the web shells" : "Quarantine and remove " + count,
                "A web shell lets the attacker back in whatever is patched; these files and paths were found"
                        + " or used as web shells.",
                details);
    }

    private static boolean touchesOab(Finding f) {
        return FindingText.tagged(f, "cve.2021-27065")
                || FindingText.mentions(f, "OabVirtualDirectory", "OAB virtual directory");
    }

    private static RemediationItem checkOab() {
        return new RemediationItem("check-oab", "Check and reset the OAB virtual directory",
                "The findings show the offline address book (OAB) virtual directory changed the way CVE-2021-27065"
                        + " was exploited: a script in its URL, written to a file of the attacker's choosing on reset.",
                List.of("Get-OabVirtualDirectory | Format-List Server,Name,ExternalUrl,InternalUrl — a URL holding"
                                + " <script or runat= is the attack's mark.",
                        "Set the URLs back to their real values (or $null) with Set-OabVirtualDirectory.",
                        "Look for the file the reset wrote: an .aspx in a web folder whose text lists"
                                + " OfflineAddressBooks and ExternalUrl (exhunt's YARA sweep of the web folders finds it)."));
    }

    private static RemediationItem resetCredentials(ScanReport report) {
        boolean dumped = report.findings().stream().anyMatch(f -> FindingText.tagged(f, "attack.credential-access")
                || FindingText.tagged(f, "attack.t1003"));
        Set<String> accounts = new TreeSet<>();
        report.chains().forEach(c -> accounts.addAll(c.accounts()));
        for (Finding f : report.findings()) {
            if (f.level().atLeast(Level.HIGH) && f.actor() != null && f.actor().user() != null
                    && !f.actor().user().isBlank() && !f.actor().user().equals("-")) {
                accounts.add(f.actor().user());
            }
        }
        boolean compromised = report.judgement().verdict() == Verdict.COMPROMISED;
        if (!dumped && !(compromised && !accounts.isEmpty())) return null;
        List<String> details = new ArrayList<>();
        if (dumped) {
            details.add("Every domain account that logged on to the server while the attacker was on it: LSASS"
                    + " held their password hashes and Kerberos tickets.");
            details.add("The server's own computer account and the service accounts that run on it.");
            details.add("If a domain administrator logged on to the server, reset the krbtgt account twice, some"
                    + " hours apart, so forged Kerberos tickets stop working.");
        }
        for (String account : accounts) details.add("Account seen in the attack: " + account);
        return new RemediationItem("reset-credentials", "Reset credentials",
                dumped ? "The findings show credentials being read from memory (credential access, e.g. an LSASS"
                        + " dump): every password the server held must be taken as known."
                        : "The attack used or targeted these accounts on a compromised server.",
                details);
    }

    private static RemediationItem reviewExports(MailboxExports exports) {
        List<String> details = new ArrayList<>();
        for (String path : exports.paths) details.add("Export file: " + path + " — remove it once copied for the responders.");
        for (String mailbox : exports.mailboxes) details.add("Mailbox exported: " + mailbox + " — treat its content as read.");
        if (exports.mailboxes.isEmpty()) {
            for (String where : exports.evidence) {
                details.add("Read the export command at " + where + ": its -Mailbox names the mailbox exported, its"
                        + " -FilePath the file written.");
            }
        }
        details.add("List every export: Get-MailboxExportRequest | Get-MailboxExportRequestStatistics;"
                + " remove the attacker's requests with Remove-MailboxExportRequest.");
        if (exports.roleGranted) {
            details.add("Review who holds the Mailbox Import Export role: Get-ManagementRoleAssignment -Role"
                    + " \"Mailbox Import Export\"; remove assignments nobody asked for.");
        }
        return new RemediationItem("review-mailbox-exports", "Review mailbox exports",
                exports.exportSeen ? "The findings show New-MailboxExportRequest: mail left the server, or an export"
                        + " was used to write a web shell (ProxyShell)."
                        : "The Mailbox Import Export role was granted, which an attacker needs to export mailboxes.",
                details);
    }

    private static RemediationItem blockAddresses(AttackerAddresses addresses) {
        List<String> details = new ArrayList<>();
        addresses.external.forEach((a, what) -> details.add("Block " + a + " (" + what + ")"));
        addresses.internal.forEach((a, what) -> details.add("Internal " + a + " (" + what + "): find the host or"
                + " proxy behind it rather than block it; a load balancer hides the real client."));
        return new RemediationItem("block-addresses", "Block the attacking addresses",
                "These addresses sent high or critical findings. Attackers change addresses, so blocking helps"
                        + " against their tools but is no substitute for patching.",
                details);
    }

    /** Whether the web logs begin after exploitation of an open CVE began (the retention check failed). */
    private static boolean logsBeginTooLate(Retention retention) {
        return retention != null && Boolean.FALSE.equals(retention.reachesBack());
    }

    private static RemediationItem huntFurther(ScanReport report) {
        List<String> details = new ArrayList<>();
        boolean inconclusive = report.judgement().verdict() == Verdict.INCONCLUSIVE;
        if (inconclusive) details.addAll(report.judgement().reasons());
        Retention retention = report.retention();
        if (logsBeginTooLate(retention)) {
            details.add("Exploitation of " + retention.windowCve()
                    + (retention.windowChain() == null ? "" : " (" + retention.windowChain() + ")")
                    + " began on " + retention.windowStart() + "; the web logs read begin on "
                    + (retention.webStart() == null ? "no date (none was read)" : retention.webStart().toString())
                    + ". Collect the older logs from backups or log archives.");
        }
        details.add("Collect the IIS logs (inetpub\\logs\\LogFiles\\W3SVC*), Exchange's HttpProxy, ECP and OAB"
                + " generator logs (Exchange Server\\V15\\Logging), the MSExchange Management event log and the web"
                + " folders, reaching back before the exploitation began; scan them again.");
        for (FileCoverage file : report.coverage()) {
            if (FileCoverage.FAILED.equals(file.status()) || FileCoverage.PARTIAL.equals(file.status())) {
                details.add("Read again or collect anew: " + file.path() + " (" + file.status()
                        + (file.reason() == null ? "" : ": " + file.reason()) + ")");
            }
        }
        return new RemediationItem("hunt-further", "Collect more evidence and scan again",
                inconclusive ? "The evidence could not answer whether the server was exploited."
                        : "The logs begin after attacks on this build's open flaws began: what happened before"
                        + " they begin is unknown.",
                details);
    }

    private static RemediationItem keepLogs(ScanReport report) {
        List<String> details = new ArrayList<>();
        if (report.retention() != null) {
            for (Retention.LogSpan span : report.retention().logs()) {
                long days = days(span);
                if (days < KEEP_LOG_DAYS) {
                    String reach = days == 0 ? "less than a day" : HtmlText.count(days, "day");
                    details.add(span.kind() + " logs cover " + reach + " (" + span.earliest() + " to " + span.latest() + ").");
                }
            }
        }
        details.add("Exchange deletes its own HttpProxy, ECP and other diagnostic logs by age and folder size:"
                + " raise those limits, or copy the logs off the server.");
        details.add("Keep the web folders' file listing with times, and forward the Windows event logs.");
        return new RemediationItem("keep-logs", "Keep logs for at least " + KEEP_LOG_DAYS + " days",
                "Whether a server was exploited can only be answered from logs reaching back before the"
                        + " exploitation: ProxyLogon was exploited eight weeks before its fix appeared.",
                details);
    }
}
