package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxyLogon (March 2021) when only part of the evidence was collected: HttpProxy alone, or IIS alone.
 * Either must be enough for the verdict its requests support.
 */
class ProxyLogonPartialLogsCasesTest {

    private static final String DAY = "2021-03-02";
    private static final String ATTACKER = "165.232.154.116";

    @TempDir
    Path tmp;

    private static Map<String, String> ssrf(String time, String anchor, int status) {
        return HttpProxy.row(DAY + "T" + time + "Z", "Ecp", "POST", "/ecp/y.js", "", "", anchor, "",
                ATTACKER, "ExchangeServicesClient/0.0.0.0", status);
    }

    private Path httpProxyOnly(List<Map<String, String>> attack, List<String> columns) {
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(DAY, "Ecp", 50));
        rows.addAll(attack);
        return Evidence.in(tmp.resolve("case"))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Ecp/HttpProxy_2021030221-1.LOG",
                        HttpProxy.log("15.01.2176.002", columns, rows))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Owa/HttpProxy_2021030221-1.LOG",
                        HttpProxy.log("15.01.2176.002", columns, Traffic.httpProxyDay(DAY, "Owa", 80)))
                .root();
    }

    @Test
    void ssrfReachingEcpIsACompromiseWithOnlyHttpProxyLogs() {
        Path root = httpProxyOnly(List.of(
                ssrf("21:14:02.100", "ServerInfo~a]@EXCH01.contoso.local:444/autodiscover/autodiscover.xml?#", 200),
                ssrf("21:14:05.300", "ServerInfo~Administrator@EXCH01.contoso.local:444/mapi/emsmdb?MailboxId=1@contoso.com&a=~1942062522#", 200),
                ssrf("21:14:07.900", "ServerInfo~Administrator@EXCH01.contoso.local:444/ecp/proxyLogon.ecp?a=~1942062522#", 241),
                ssrf("21:14:12.400", "ServerInfo~Administrator@EXCH01.contoso.local:444/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory&msExchEcpCanary=x&a=~1942062522#", 200)),
                HttpProxy.MODERN);

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-26855", "cve.2021-27065", "exhunt.outcome.success");
    }

    @Test
    void ssrfProbesThatOnlyReachedAutodiscoverOrLocalhostAreAnAttempt() {
        Path root = httpProxyOnly(List.of(
                ssrf("21:14:02.100", "ServerInfo~a]@EXCH01.contoso.local:444/autodiscover/autodiscover.xml?#", 200),
                ssrf("21:14:03.100", "ServerInfo~a]@localhost:444/autodiscover/autodiscover.xml?#", 200),
                ssrf("21:14:04.100", "ServerInfo~localhost/ecp/default.flt?#", 200),
                ssrf("21:14:05.100", "ServerInfo~127.0.0.1:444/ecp/proxyLogon.ecp?#", 200),
                ssrf("21:14:06.100", "ServerInfo~Administrator@EXCH01.contoso.local:444/mapi/emsmdb?#", 500)),
                HttpProxy.MODERN);

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-26855", "exhunt.outcome.attempt")
                .doesNotContain("exhunt.outcome.success");
    }

    @Test
    void exchange2013HttpProxyLogsWithoutUrlHostOrRoutingTypeStillShowTheCompromise() {
        Path root = httpProxyOnly(List.of(
                ssrf("21:14:05.300", "ServerInfo~Administrator@EXCH01.contoso.local:444/mapi/emsmdb?MailboxId=1@contoso.com&a=~1942062522#", 200)),
                HttpProxy.EXCHANGE_2013);

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-26855");
    }

    private List<String> iisAttack(int sessionStatus, int shellStatus) {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 400));
        String ua = "ExchangeServicesClient/0.0.0.0";
        iis.add(Iis.line(DAY, "21:14:02", "POST", "/ecp/y.js", "&CorrelationID=<empty>;&cafeReqId=1;", 443, "", ATTACKER, ua, 200));
        iis.add(Iis.line(DAY, "21:14:07", "POST", "/ecp/proxyLogon.ecp", "", 444, "", "10.1.0.5", ua, sessionStatus));
        iis.add(Iis.line(DAY, "21:20:31", "POST", "/aspnet_client/system_web/web.aspx", "", 443, "", ATTACKER, "antSword/v2.1", shellStatus));
        return iis;
    }

    @Test
    void sessionObtainedAndShellAnsweredIsACompromiseWithOnlyIisLogs() {
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex210302.log", Iis.log(DAY, iisAttack(241, 200))).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-26855", "exhunt.outcome.success", "exhunt.outcome.post-exploitation");
    }

    @Test
    void ssrfEntryPointsWithoutSessionOrShellAreAnAttemptWithOnlyIisLogs() {
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex210302.log", Iis.log(DAY, iisAttack(500, 404))).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-26855").doesNotContain("exhunt.outcome.success",
                "exhunt.outcome.post-exploitation");
    }

    @Test
    void backEndSiteOnPort444AloneShowsTheOabVirtualDirectoryReset() {
        String ua = "ExchangeServicesClient/0.0.0.0";
        List<String> backEnd = new ArrayList<>();
        backEnd.add(Iis.line(DAY, "21:14:07", "POST", "/ecp/proxyLogon.ecp", "&CorrelationID=<empty>;", 444, "CONTOSO\\Administrator", "10.1.0.5", ua, 241));
        backEnd.add(Iis.line(DAY, "21:14:12", "POST", "/ecp/DDI/DDIService.svc/SetObject",
                "schema=ResetOABVirtualDirectory&msExchEcpCanary=x", 444, "CONTOSO\\Administrator", "10.1.0.5", ua, 200));
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC2 + "u_ex210302.log", Iis.log(DAY, backEnd)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-26855", "cve.2021-27065");
    }
}
