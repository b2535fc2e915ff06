package org.exhunt.hunt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.exposure.Assessment;
import org.exhunt.hunt.exposure.BuildRow;
import org.exhunt.hunt.exposure.BuildTable;
import org.exhunt.hunt.exposure.Chains;
import org.exhunt.hunt.exposure.ExchangeBuild;

/** The patch step: which build to install, from the exposure and the build table. */
final class PatchAdvice {

    private PatchAdvice() {
    }

    static RemediationItem of(Exposure exposure, BuildTable table) {
        ExchangeBuild build = ExchangeBuild.tryParse(exposure.build());
        if (build == null) return unknownBuild();
        Assessment a = table.assess(build);
        BuildRow target = a.newest();
        if (exposure.cves().isEmpty()) {
            List<String> details = new ArrayList<>();
            if (target != null) details.add("The newest build exhunt knows of: " + row(target) + ".");
            details.add("Install each Exchange Security Update as it is released; the flaws of 2021 and 2022 were"
                    + " exploited within days of their fixes.");
            return new RemediationItem("patch", "Keep Exchange patched",
                    "Build " + build + " has no open CVE that exhunt's build table lists; new flaws keep coming.",
                    details);
        }
        List<String> details = new ArrayList<>();
        if (target != null) {
            details.add("Install " + row(target) + ": it closes every CVE listed below.");
        }
        BuildRow lineFix = a.lineFix();
        if (lineFix != null && (target == null || !lineFix.build().equals(target.build()))) {
            details.add("Quickest step without changing the CU: " + row(lineFix) + " closes them too.");
        }
        byChain(exposure.cves()).forEach((chain, cves) -> details.add(chain + ": " + String.join(", ", cves)));
        details.add("Patching closes the way in; it removes nothing an attacker already left behind.");
        String title = target == null ? "Patch Exchange" : "Patch Exchange to build " + target.build();
        return new RemediationItem("patch", title,
                "Build " + build + " is still open to " + exposure.cves().size()
                        + (exposure.cves().size() == 1 ? " known exploited flaw." : " known exploited flaws."),
                details);
    }

    private static RemediationItem unknownBuild() {
        return new RemediationItem("patch", "Find the Exchange build and patch it",
                "The evidence named no Exchange build, so exhunt cannot tell which flaws are still open.",
                List.of("Read the build on the server: Get-ExchangeServer | Format-List Name,AdminDisplayVersion,"
                                + " or the file version of ExSetup.exe.",
                        "Then run: exhunt exposure BUILD — it names the open CVEs and the build that closes them.",
                        "Or collect the registry key HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup with the"
                                + " logs and scan again."));
    }

    /** Open CVEs grouped under the public names of their attack chains, in first-seen order. */
    static Map<String, List<String>> byChain(List<String> cves) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String cve : cves) {
            List<String> chains = Chains.of(cve);
            String name = chains.isEmpty() ? "Other" : String.join(" / ", chains);
            grouped.computeIfAbsent(name, k -> new ArrayList<>()).add(cve);
        }
        return grouped;
    }

    private static String row(BuildRow row) {
        return row.name() + " (" + row.build() + ", released " + row.released() + ")";
    }
}
