package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Busy servers with nothing wrong: the verdict is clean and nothing is reported above low. */
class CleanServerCasesTest {

    @TempDir
    Path tmp;

    private static void nothingAboveLow(Exhunt.Scan scan) {
        assertThat(scan.aboveLow()).as(scan.describe()).isEmpty();
    }

    @Test
    void exchange2013ServerWithOlderHttpProxyColumnsIsClean() {
        String day = "2020-11-17";
        Path root = Evidence.in(tmp.resolve("case"))
                .write("inetpub/logs/LogFiles/W3SVC1/u_ex201117.log", Iis.log(day, Traffic.iisDay(day, 800)))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Owa/HttpProxy_2020111710-1.LOG",
                        HttpProxy.log("15.00.1497.002", HttpProxy.EXCHANGE_2013, Traffic.httpProxyDay(day, "Owa", 200)))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Ecp/HttpProxy_2020111710-1.LOG",
                        HttpProxy.log("15.00.1497.002", HttpProxy.EXCHANGE_2013, Traffic.httpProxyDay(day, "Ecp", 50)))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Eas/HttpProxy_2020111710-1.LOG",
                        HttpProxy.log("15.00.1497.002", HttpProxy.EXCHANGE_2013, Traffic.httpProxyDay(day, "Eas", 200)))
                .root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("clean", 0);

        nothingAboveLow(scan);
        assertThat(scan.report().at("/scan/events").asLong()).isGreaterThanOrEqualTo(1250);
    }

    @Test
    void exchange2019ServerWithMonitoringClientsAndEcpAdministrationIsClean() {
        String day = "2023-03-21";
        List<String> iis = new ArrayList<>(Traffic.iisDay(day, 1200));
        String admin = "CONTOSO\\admin.it";
        iis.add(Iis.line(day, "09:10:01", "GET", "/ecp/VDirMgmt/VirtualDirectories.slab", "showhelp=false", 443, admin, "10.2.9.14", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:10:12", "POST", "/ecp/DDI/DDIService.svc/GetObject", "schema=OWAVirtualDirectory&msExchEcpCanary=k", 443, admin, "10.2.9.14", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:11:40", "POST", "/ecp/DDI/DDIService.svc/SetObject", "schema=OWAVirtualDirectory&msExchEcpCanary=k", 443, admin, "10.2.9.14", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:12:02", "GET", "/ecp/15.2.1118.7/scripts/flighting.js", "", 443, admin, "10.2.9.14", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:12:03", "GET", "/ecp/15.2.1118.7/themes/default/clear1x1.gif", "", 443, admin, "10.2.9.14", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:12:04", "POST", "/owa/auth.owa", "", 443, "", "86.3.1.7", Iis.EDGE, 302));
        iis.add(Iis.line(day, "09:12:05", "GET", "/owa/auth/logon.aspx", "url=https%3a%2f%2fmail.contoso.com%2fowa%2f&reason=0", 443, "", "86.3.1.7", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:12:06", "POST", "/owa/auth/logon.aspx", "", 443, "", "86.3.1.7", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:13:00", "GET", "/owa/auth/Current/themes/resources/logon.css", "", 443, "", "86.3.1.7", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:13:00", "GET", "/owa/auth/Current/scripts/premium/flogon.js", "", 443, "", "86.3.1.7", Iis.EDGE, 200));
        iis.add(Iis.line(day, "09:20:00", "GET", "/powershell", "serializationLevel=Full;clientApplication=ActiveMonitor", 80, "CONTOSO\\HealthMailbox3f8a2c1b", "10.1.0.5", "Microsoft WinRM Client", 200));
        iis.add(Iis.line(day, "09:21:00", "POST", "/powershell", "serializationLevel=Full;ExchClientVer=15.2.1118.7;clientApplication=ManagementShell;TargetServer=;PSVersion=5.1.17763.3770", 80, "CONTOSO\\admin.it", "10.2.9.14", "Microsoft WinRM Client", 200));
        iis.add(Iis.line(day, "09:30:00", "GET", "/aspnet_client/", "", 443, "", "10.1.0.9", "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", 403));
        iis.add(Iis.line(day, "09:30:01", "GET", "/.git/config", "", 443, "", "10.1.0.9", "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", 404));
        iis.add(Iis.line(day, "09:30:02", "OPTIONS", "/", "", 443, "", "10.1.0.9", "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", 200));
        iis.add(Iis.line(day, "09:30:03", "GET", "/owa/auth/logon.aspx", "", 443, "", "10.1.0.9", "Mozilla/5.0 (compatible; Nessus)", 200));
        List<String> ecp = new ArrayList<>(List.of(
                "#Software: Microsoft Exchange Server",
                "#Version: 15.02.1118.007",
                "#Log-type: ECP Server Log",
                "#Date: 2023-03-21T09:11:40.000Z",
                "#Fields: TimeStamp,ServerName,EventId,EventData",
                "2023-03-21T09:11:40.811Z,EXCH03,ECP.Request,\"S:TIME=180;S:SID=7d1e;S:CMD=Set-OwaVirtualDirectory"
                        + ".ExternalUrl='https://mail.contoso.com/owa'.Identity='EXCH03\\owa (Default Web Site)';"
                        + "S:URL=/ecp/DDI/DDIService.svc/SetObject?schema=OWAVirtualDirectory;S:IP=10.2.9.14\"",
                "2023-03-21T09:14:02.004Z,EXCH03,ECP.Request,\"S:TIME=95;S:SID=7d1e;S:CMD=Get-Mailbox.ResultSize='500';S:IP=10.2.9.14\""));
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex230321.log", Iis.log(day, iis))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Autodiscover/HttpProxy_2023032109-1.LOG",
                        HttpProxy.log("15.02.1118.007", HttpProxy.MODERN, Traffic.httpProxyDay(day, "Autodiscover", 200)))
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Ecp/HttpProxy_2023032109-1.LOG",
                        HttpProxy.log("15.02.1118.007", HttpProxy.MODERN, Traffic.httpProxyDay(day, "Ecp", 100)))
                .write(Evidence.SERVER_LOGGING + "ECP/Server/ECPServer2023032109-1.LOG", ecp)
                .root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("clean", 0);

        nothingAboveLow(scan);
    }

    @Test
    void folderWithoutAnyWebLogIsInconclusive() {
        Path root = Evidence.in(tmp.resolve("case"))
                .write("notes/collection.txt", List.of("Collected by the on-call admin, 2022-10-04.", "No logs attached."))
                .write("Windows/System32/drivers/etc/hosts", List.of("127.0.0.1 localhost"))
                .write("config/settings.csv", List.of("name,value", "a,1"))
                .write("Logs/setup.log", List.of("[11/17/2020 10:01:22.0113] [0] Starting Microsoft Exchange Server 2016 Setup"))
                .write(Evidence.SERVER_LOGGING + "MessageTracking/MSGTRK2020111710-1.LOG", List.of(
                        "#Software: Microsoft Exchange Server",
                        "#Version: 15.01.2176.002",
                        "#Log-type: Message Tracking Log",
                        "#Date: 2020-11-17T10:00:00.000Z",
                        "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,event-id,source,message-id,recipient-address,sender-address",
                        "2020-11-17T10:00:01.000Z,10.1.0.5,EXCH01,10.1.0.5,EXCH01,RECEIVE,SMTP,<a@contoso.com>,b@contoso.com,a@contoso.com"))
                .root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp);

        assertThat(scan.verdict()).as(scan.describe()).isEqualTo("inconclusive");
        assertThat(scan.exit()).as(scan.describe()).isNotEqualTo(1);
    }
}
