package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IIS serves paths case-insensitively, so attackers and their tools write them in any case. */
class PathCaseCasesTest {

    private static final String DAY = "2021-09-01";

    @TempDir
    Path tmp;

    @Test
    void upperCaseProxyShellPathsAndShellFolderAreStillACompromise() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 200));
        iis.add(Iis.line(DAY, "05:00:01", "POST", "/Autodiscover/Autodiscover.JSON",
                "@evil.corp/PowerShell/?X-Rps-CAT=VgEAVAdX&Email=Autodiscover/Autodiscover.json%3F@evil.corp", 443, "",
                "45.76.3.210", Iis.PYTHON, 200));
        iis.add(Iis.line(DAY, "05:02:00", "POST", "/Aspnet_Client/System_Web/ABC.ASPX", "", 443, "", "45.76.3.210", "Mozilla/5.0", 200));
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex210901.log", Iis.log(DAY, iis)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "cve.2021-34523", "exhunt.outcome.post-exploitation");
    }

    @Test
    void upperCaseProxyLogonEntryPointsAreStillAnAttempt() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 200));
        iis.add(Iis.line(DAY, "05:00:01", "POST", "/ECP/Y.JS", "", 443, "", "45.76.3.210", "ExchangeServicesClient/0.0.0.0", 200));
        iis.add(Iis.line(DAY, "05:00:02", "POST", "/OWA/auth/Current/themes/resources/logon.CSS", "", 443, "", "45.76.3.210", "Mozilla/5.0", 500));
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex210901.log", Iis.log(DAY, iis)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-26855");
        assertThat(scan.report().get("findings").size()).as(scan.describe()).isGreaterThanOrEqualTo(2);
    }
}
