package org.exhunt.hunt.report;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.hunt.finding.Finding;

/** Mailbox exports the findings show: the files they wrote and the mailboxes they read. */
final class MailboxExports {

    // The parameter as PowerShell takes it: quoted either way, or up to the next blank.
    private static final Pattern FILE_PATH = Pattern.compile(
            "-FilePath\\s*[:]?\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAILBOX = Pattern.compile(
            "-Mailbox\\s*[:]?\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))", Pattern.CASE_INSENSITIVE);

    final Set<String> paths = new TreeSet<>();
    final Set<String> mailboxes = new TreeSet<>();
    /** Where the export findings are, for reading the command when the finding did not keep it. */
    final Set<String> evidence = new TreeSet<>();
    boolean exportSeen;
    boolean roleGranted;

    static MailboxExports of(ScanReport report) {
        MailboxExports exports = new MailboxExports();
        for (Finding f : report.findings()) exports.add(f);
        return exports;
    }

    boolean isEmpty() {
        return !exportSeen && !roleGranted;
    }

    private void add(Finding f) {
        if (FindingText.mentions(f, "Mailbox Import Export")) roleGranted = true;
        if (!FindingText.mentions(f, "New-MailboxExportRequest", "mailbox export", "mailbox exported")) return;
        exportSeen = true;
        // The file a mailbox export wrote (the Mailbox Replication service's file event) is the export file.
        String written = FindingText.field(f, "TargetFilename");
        if (written != null) {
            paths.add(written);
        } else if (f.source() != null && (f.source().line() >= 0 || f.source().record() >= 0)) {
            evidence.add(f.source().toString());
        }
        for (String value : FindingText.values(f)) {
            if (!value.toLowerCase(java.util.Locale.ROOT).contains("mailboxexportrequest")) continue;
            collect(FILE_PATH.matcher(value), paths);
            collect(MAILBOX.matcher(value), mailboxes);
        }
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (v != null && !v.isBlank()) into.add(v);
        }
    }
}
