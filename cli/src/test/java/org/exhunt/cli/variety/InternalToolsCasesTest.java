package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean server's own network looks at it all day: monitoring scripts and the vulnerability
 * scanner. Their look-and-see requests are not an attack on the server; the same requests from
 * the internet are someone looking.
 */
class InternalToolsCasesTest {

    private static final String DAY = "2023-05-09";
    private static final String MANIFEST = "/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application";

    @TempDir
    Path tmp;

    private Path server(String scannerIp) {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 600));
        for (int i = 0; i < 24; i++) {
            iis.add(Iis.line(DAY, String.format("%02d:00:30", i), "GET", "/owa/healthcheck.htm", "", 443, "",
                    "10.1.7.20", "python-requests/2.28.1", 200));
        }
        iis.add(Iis.line(DAY, "02:10:00", "GET", MANIFEST, "", 443, "", scannerIp,
                "Mozilla/5.0 (compatible; Nessus; +http://www.tenable.com)", 200));
        iis.add(Iis.line(DAY, "02:10:01", "GET", "/owa/auth/logon.aspx", "", 443, "", scannerIp,
                "Mozilla/5.0 (compatible; Nessus; +http://www.tenable.com)", 200));
        return Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex230509.log", Iis.log(DAY, iis)).root();
    }

    /** The same server, and the scanner also asks for the web shells published after the 2021 campaigns. */
    private Path serverProbedForShells(String scannerIp) {
        Path root = server(scannerIp);
        String nextDay = "2023-05-10";
        List<String> iis = new ArrayList<>(Traffic.iisDay(nextDay, 50));
        for (String shell : List.of("/aspnet_client/shell.aspx", "/aspnet_client/system_web/supp0rt.aspx",
                "/aspnet_client/discover.aspx")) {
            iis.add(Iis.line(nextDay, "02:10:02", "GET", shell, "", 443, "", scannerIp,
                    "Mozilla/5.0 (compatible; Nessus; +http://www.tenable.com)", 404));
        }
        Evidence.in(root).write(Evidence.W3SVC1 + "u_ex230510.log", Iis.log(nextDay, iis));
        return root;
    }

    @Test
    void monitoringScriptsAndTheInternalScannerLeaveTheServerClean() {
        Exhunt.Scan scan = Exhunt.scan(server("10.1.7.40"), tmp).expect("clean", 0);

        assertThat(scan.aboveLow()).as(scan.describe()).isEmpty();
    }

    @Test
    void theSameProbesFromTheInternetAreReconnaissance() {
        Exhunt.Scan scan = Exhunt.scan(serverProbedForShells("193.32.162.59"), tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("exhunt.outcome.recon");
        assertThat(scan.levels()).as(scan.describe()).contains("low", "medium").doesNotContain("high", "critical");
    }
}
