package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxyNotShell (autumn 2022) against a server with the URL Rewrite mitigation, and OWASSRF
 * (December 2022), which went around that mitigation through OWA.
 */
class ProxyNotShellAndOwassrfCasesTest {

    private static final String DAY = "2022-10-03";
    private static final String ATTACKER = "137.184.67.33";

    @TempDir
    Path tmp;

    @Test
    void proxyNotShellRequestsRefusedByTheMitigationAreAnAttempt() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 300));
        iis.add(Iis.line(DAY, "11:02:10", "GET", "/autodiscover/autodiscover.json",
                "@zdi/Powershell&Email=autodiscover/autodiscover.json%3F@zdi", 443, "", ATTACKER, Iis.PYTHON, 401));
        iis.add(Iis.line(DAY, "11:02:12", "POST", "/autodiscover/autodiscover.json",
                "a..foo.var/owa/&Email=autodiscover/autodiscover.json%3Fa..foo.var&Protocol=XYZ&FooProtocol=%50owershell",
                443, "", ATTACKER, Iis.PYTHON, 403));
        iis.add(Iis.line(DAY, "11:02:15", "POST", "/autodiscover/autodiscover.json",
                "%40evil.corp/owa/?&Email=autodiscover/autodiscover.json%3F%40evil.corp&Protocol=XYZ&FooProtocol=Powershell",
                443, "", ATTACKER, Iis.PYTHON, 403));
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex221003.log", Iis.log(DAY, iis)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2022-41040", "exhunt.outcome.attempt")
                .doesNotContain("exhunt.outcome.success");
    }

    @Test
    void proxyNotShellSeenOnlyInTheAutodiscoverHttpProxyLogIsAnAttempt() {
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(DAY, "Autodiscover", 80));
        rows.add(HttpProxy.row(DAY + "T11:02:10.220Z", "Autodiscover", "GET", "/autodiscover/autodiscover.json",
                "?@zdi/Powershell&Email=autodiscover/autodiscover.json%3F@zdi", "", "", "", ATTACKER, Iis.PYTHON, 401));
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Autodiscover/HttpProxy_2022100311-1.LOG",
                        HttpProxy.log("15.02.1118.007", HttpProxy.MODERN, rows)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2022-41040");
    }

    private Path owassrf(int status) {
        String day = "2022-12-14";
        List<String> iis = new ArrayList<>(Traffic.iisDay(day, 300));
        iis.add(Iis.line(day, "20:41:07", "POST", "/owa/mastermailbox%40outlook.com/powershell",
                "clientId=H&CorrelationID=<empty>;&cafeReqId=5e1b;", 443, "CONTOSO\\j.smith", "45.76.141.84",
                "ClientInfo", status));
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(day, "Owa", 60));
        rows.add(HttpProxy.row(day + "T20:41:07.871Z", "Owa", "POST", "/owa/mastermailbox@outlook.com/powershell",
                "?clientId=H", "CONTOSO\\j.smith", "Smtp~j.smith@contoso.com", "", "45.76.141.84", "ClientInfo", status));
        return Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex221214.log", Iis.log(day, iis))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Owa/HttpProxy_2022121420-1.LOG",
                        HttpProxy.log("15.02.1118.007", HttpProxy.MODERN, rows))
                .root();
    }

    @Test
    void owaMailboxPowerShellAnsweredFromOutsideIsACompromise() {
        Exhunt.Scan scan = Exhunt.scan(owassrf(200), tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2022-41080", "cve.2022-41082", "exhunt.outcome.success");
    }

    @Test
    void owaMailboxPowerShellRefusedIsAnAttempt() {
        Exhunt.Scan scan = Exhunt.scan(owassrf(401), tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2022-41080").doesNotContain("exhunt.outcome.success");
    }
}
