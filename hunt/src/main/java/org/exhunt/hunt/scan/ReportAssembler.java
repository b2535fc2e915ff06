package org.exhunt.hunt.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.exhunt.hunt.attack.AttackCatalog;
import org.exhunt.hunt.report.ScanInfo;
import org.exhunt.hunt.report.ScanReport;

/** Builds the report of a finished scan: the verdict and chains come from the report's builder. */
public final class ReportAssembler {

    /** How many similar groups a chain lists: enough to show that several groups share the techniques. */
    static final int MAX_RESEMBLANCES = 3;

    private ReportAssembler() {
    }

    public static ScanReport assemble(ScanResult result, String version) {
        ScanOptions o = result.options();
        List<String> inputs = o.inputs().stream().map(p -> p.toString()).toList();
        // A scan id that is the same for the same inputs at the same start time, and unique otherwise.
        String id = UUID.nameUUIDFromBytes((result.started() + "|" + String.join("|", inputs))
                .getBytes(StandardCharsets.UTF_8)).toString();
        String host = result.host() != null ? result.host() : localHost();
        ScanInfo info = new ScanInfo(id, result.started(), result.finished(), inputs, host,
                result.events(), o.threads(), o.since(), o.until(), result.ruleCounts(), o.failLevel().word());
        return ScanReport.builder()
                .tool("exhunt", version)
                .scan(info)
                .exposure(result.exposure())
                .coverage(result.coverage())
                .findings(result.findings())
                .errors(result.errors())
                // Similarity to known groups' ATT&CK profiles: shown beside each chain, never as attribution.
                .resemblances(techniques -> AttackCatalog.builtIn().resembles(techniques, MAX_RESEMBLANCES))
                .build();
    }

    private static String localHost() {
        // The machine that ran the scan: the fallback when the evidence names no host (a scan run on
        // the Exchange server itself over IIS logs alone). Asked of the environment, not of DNS: a name lookup on an isolated forensic workstation
        // can hang for seconds.
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) return v.trim();
        }
        try {
            java.nio.file.Path etc = java.nio.file.Path.of("/etc/hostname");
            if (java.nio.file.Files.isReadable(etc)) {
                String v = java.nio.file.Files.readString(etc).trim();
                if (!v.isEmpty()) return v;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through: the host is optional in the report
        }
        return null;
    }
}
