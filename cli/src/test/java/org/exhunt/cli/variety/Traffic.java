package org.exhunt.cli.variety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ordinary traffic of an Exchange server, mixed around each attack so a case also shows that
 * the everyday requests do not match anything.
 */
final class Traffic {

    private Traffic() {
    }

    /** {@code count} everyday front-end IIS requests on {@code date}, spread over the day. */
    static List<String> iisDay(String date, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String t = String.format("%02d:%02d:%02d", (i / 60) % 24, i % 60, (i * 7) % 60);
            String user = "user" + (i % 40) + "@contoso.com";
            String ip = "10.2." + (i % 7) + "." + (20 + i % 200);
            switch (i % 16) {
                case 0 -> lines.add(Iis.line(date, t, "POST", "/mapi/emsmdb/", "MailboxId=4f1a7c2e-1b9d-4c55-9e61-0a7d3b2c1e90@contoso.com&CorrelationID=<empty>;&cafeReqId=c" + i + ";", 443, user, ip, Iis.OUTLOOK, 200));
                case 1 -> lines.add(Iis.line(date, t, "POST", "/Microsoft-Server-ActiveSync/default.eas", "Cmd=Sync&User=user" + (i % 40) + "&DeviceId=ABCD" + i + "&DeviceType=iPhone", 443, user, "88.14.3." + (i % 250), "Apple-iPhone14C2/2002.81", 200));
                case 2 -> lines.add(Iis.line(date, t, "GET", "/owa/", "", 443, "CONTOSO\\user" + (i % 40), ip, Iis.EDGE, 200));
                case 3 -> lines.add(Iis.line(date, t, "POST", "/owa/service.svc", "action=GetItem&app=Mail", 443, user, ip, Iis.EDGE, 200));
                case 4 -> lines.add(Iis.line(date, t, "GET", "/owa/auth/Current/themes/resources/segoeui-regular.ttf", "", 443, "", ip, Iis.EDGE, 200));
                case 5 -> lines.add(Iis.line(date, t, "GET", "/owa/auth/15.2.1118/themes/resources/favicon.ico", "", 443, "", ip, Iis.EDGE, 200));
                case 6 -> lines.add(Iis.line(date, t, "POST", "/EWS/Exchange.asmx", "", 443, user, ip, "Mac OS X/13.1 (22C65); ExchangeWebServices/13.0 (3731); Mail/16.0", 200));
                case 7 -> lines.add(Iis.line(date, t, "POST", "/Autodiscover/Autodiscover.xml", "", 443, user, ip, Iis.OUTLOOK, 200));
                case 8 -> lines.add(Iis.line(date, t, "GET", "/autodiscover/autodiscover.json/v1.0/" + user, "Protocol=ActiveSync&RedirectCount=1", 443, "", "88.14.3." + (i % 250), "Outlook-iOS-Android/1.0", 200));
                case 9 -> lines.add(Iis.line(date, t, "GET", "/autodiscover/autodiscover.json", "Email=" + user.replace("@", "%40") + "&Protocol=Rest&RedirectCount=1", 443, "", ip, "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.14326; Pro)", 200));
                case 10 -> lines.add(Iis.line(date, t, "GET", "/owa/healthcheck.htm", "", 443, "", "10.1.0.9", "AMProbe/Local/ClientAccess", 200));
                case 11 -> lines.add(Iis.line(date, t, "POST", "/Microsoft-Server-ActiveSync/default.eas", "Cmd=Ping&User=HealthMailbox3f8a2c1b&DeviceId=EASProbeDevice&DeviceType=EASProbeDeviceType", 443, "HealthMailbox3f8a2c1b7d6e4a5f9b0c1d2e3f4a5b6c@contoso.com", "10.1.0.5", "ActiveSyncProbe/Exchange", 200));
                case 12 -> lines.add(Iis.line(date, t, "GET", "/ecp/", "", 443, "CONTOSO\\admin.it", "10.2.9.14", Iis.EDGE, 200));
                case 13 -> lines.add(Iis.line(date, t, "GET", "/ecp/15.2.1118.7/scripts/microsoft.exchange.controlpanel.client.js", "", 443, "CONTOSO\\admin.it", "10.2.9.14", Iis.EDGE, 200));
                case 14 -> lines.add(Iis.line(date, t, "GET", "/owa/", "", 443, "", "10.1.7.3", "Mozilla/5.0 (compatible; PRTG Network Monitor (www.paessler.com); Windows)", 302));
                default -> lines.add(Iis.line(date, t, "GET", "/rpc/rpcproxy.dll", "", 443, "", "10.1.7.4", "Microsoft System Center Operations Manager", 401));
            }
        }
        return lines;
    }

    /** {@code count} everyday HttpProxy records of one protocol on {@code day} (yyyy-MM-dd). */
    static List<Map<String, String>> httpProxyDay(String day, String protocol, int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ts = String.format("%sT%02d:%02d:%02d.%03dZ", day, (i / 30) % 24, (i * 2) % 60, i % 60, i % 1000);
            String user = "CONTOSO\\user" + (i % 30);
            String smtp = "user" + (i % 30) + "@contoso.com";
            String ip = "10.2." + (i % 5) + "." + (30 + i % 100);
            rows.add(switch (protocol) {
                case "Autodiscover" -> HttpProxy.row(ts, protocol, "GET", "/autodiscover/autodiscover.json",
                        "?Email=" + smtp + "&Protocol=Rest&RedirectCount=1", "", "", "", ip,
                        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.14326; Pro)", 200);
                case "Ecp" -> HttpProxy.row(ts, protocol, "POST", "/ecp/DDI/DDIService.svc/GetList",
                        "?schema=Mailboxes&msExchEcpCanary=abc", "CONTOSO\\admin.it", "Sid~S-1-5-21-1-2-3-1104",
                        "Server~EXCH02.contoso.local~1941997017~" + i, "10.2.9.14", Iis.EDGE, 200);
                case "Eas" -> HttpProxy.row(ts, protocol, "POST", "/Microsoft-Server-ActiveSync/default.eas",
                        "?Cmd=Sync&User=user" + (i % 30) + "&DeviceId=X" + i, user, "Smtp~" + smtp, "", "88.14.3." + (i % 250),
                        "Apple-iPhone14C2/2002.81", 200);
                default -> HttpProxy.row(ts, protocol, "POST", "/owa/service.svc", "?action=GetItem&app=Mail",
                        user, "Smtp~" + smtp, "", ip, Iis.EDGE, 200);
            });
        }
        return rows;
    }
}
