package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProxyShell (2021) seen on an Exchange 2019 CU9 server: what worked is a compromise, what bounced is an attempt. */
class ProxyShellCasesTest {

    private static final String DAY = "2021-08-13";
    private static final String ATTACKER = "45.76.3.210";
    private static final String RPS_QUERY = "@evil.corp/powershell/?X-Rps-CAT=VgEAVAdXaW5kb3dzQwBBCEtlcmJlcm9zTBhBZG1pbmlzdHJhdG9yQGNvbnRvc28uY29t"
            + "&Email=autodiscover/autodiscover.json%3F@evil.corp&CorrelationID=<empty>;&cafeReqId=9b2a;";
    private static final String NSPI_QUERY = "@evil.corp/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.corp";

    @TempDir
    Path tmp;

    private Path evidence(int exploitStatus, int shellStatus) {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 400));
        iis.add(Iis.line(DAY, "03:12:40", "POST", "/autodiscover/autodiscover.json", NSPI_QUERY, 443, "", ATTACKER, Iis.PYTHON, exploitStatus));
        iis.add(Iis.line(DAY, "03:12:44", "POST", "/autodiscover/autodiscover.json", RPS_QUERY, 443, "", ATTACKER, Iis.PYTHON, exploitStatus));
        iis.add(Iis.line(DAY, "03:13:02", "GET", "/aspnet_client/hgfjd.aspx", "", 443, "", ATTACKER, Iis.PYTHON, shellStatus));
        List<java.util.Map<String, String>> proxy = new ArrayList<>(Traffic.httpProxyDay(DAY, "Autodiscover", 60));
        proxy.add(HttpProxy.row(DAY + "T03:12:44.118Z", "Autodiscover", "POST", "/autodiscover/autodiscover.json",
                "?" + RPS_QUERY, "", "", "", ATTACKER, Iis.PYTHON, exploitStatus));
        return Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex210813.log", Iis.log(DAY, iis))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Autodiscover/HttpProxy_2021081303-1.LOG",
                        HttpProxy.log("15.02.0858.005", HttpProxy.MODERN, proxy))
                .root();
    }

    @Test
    void remotePowerShellReachedThroughAutodiscoverAndAShellAnsweredIsACompromise() {
        Exhunt.Scan scan = Exhunt.scan(evidence(200, 200), tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "cve.2021-34523", "exhunt.outcome.success",
                "exhunt.outcome.post-exploitation");
    }

    @Test
    void theSameRequestsAnswered401AndTheShellMissingIsOnlyAnAttempt() {
        Exhunt.Scan scan = Exhunt.scan(evidence(401, 404), tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "exhunt.outcome.attempt")
                .doesNotContain("exhunt.outcome.success", "exhunt.outcome.post-exploitation");
    }

    @Test
    void exploitAnsweredNotFoundIsOnlyAnAttempt() {
        Exhunt.Scan scan = Exhunt.scan(evidence(404, 404), tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-34473").doesNotContain("exhunt.outcome.success");
    }

    @Test
    void mailboxExportToAnAspxFileInTheEcpLogIsAPostExploitationFinding() {
        Path root = evidence(401, 404);
        Evidence.in(root).write(Evidence.SERVER_LOGGING + "ECP/Server/ECPServer2021081303-1.LOG", List.of(
                "#Software: Microsoft Exchange Server",
                "#Version: 15.02.0858.005",
                "#Log-type: ECP Server Log",
                "#Date: 2021-08-13T03:14:00.000Z",
                "#Fields: TimeStamp,ServerName,EventId,EventData",
                "2021-08-13T03:14:00.512Z,EXCH02,ECP.Request,\"S:TIME=211;S:SID=2c1f;S:CMD=New-MailboxExportRequest"
                        + ".Mailbox='administrator@contoso.com'.FilePath='\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\hgfjd.aspx'"
                        + ".ContentFilter='Subject -eq ''x''';S:REQID=;S:URL=/ecp/DDI/DDIService.svc/NewObject;S:IP=" + ATTACKER + ";S:UA=python-requests/2.26.0\""));

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-31207", "exhunt.outcome.post-exploitation");
    }
}
