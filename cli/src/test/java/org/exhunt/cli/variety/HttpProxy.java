package org.exhunt.cli.variety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exchange HttpProxy CSV logs: header lines, a column set chosen per build, RFC 4180 quoting. */
final class HttpProxy {

    /** The columns of Exchange 2016/2019 CUs from 2020 on (a shortened but ordered selection). */
    static final List<String> MODERN = List.of("DateTime", "RequestId", "MajorVersion", "MinorVersion",
            "BuildVersion", "RevisionVersion", "ClientRequestId", "Protocol", "UrlHost", "UrlStem",
            "ProtocolAction", "AuthenticationType", "IsAuthenticated", "AuthenticatedUser", "Organization",
            "AnchorMailbox", "UserAgent", "ClientIpAddress", "ServerHostName", "HttpStatus", "BackEndStatus",
            "ErrorCode", "Method", "ProxyAction", "TargetServer", "TargetServerVersion", "RoutingType",
            "RoutingHint", "BackEndCookie", "ServerLocatorHost", "ServerLocatorLatency", "RequestBytes",
            "ResponseBytes", "TotalRequestTime", "UrlQuery", "BackEndGenericInfo", "GenericInfo", "GenericErrors");

    /** Exchange 2013 wrote no UrlHost and no RoutingType column. */
    static final List<String> EXCHANGE_2013 = MODERN.stream()
            .filter(c -> !c.equals("UrlHost") && !c.equals("RoutingType")).toList();

    private HttpProxy() {
    }

    static List<String> log(String version, List<String> fields, List<Map<String, String>> rows) {
        List<String> all = new ArrayList<>();
        all.add("#Software: Microsoft Exchange Server");
        all.add("#Version: " + version);
        all.add("#Log-type: HttpProxy Logs");
        all.add("#Date: " + (rows.isEmpty() ? "2022-01-01T00:00:00.000Z" : rows.get(0).get("DateTime")));
        all.add("#Fields: " + String.join(",", fields));
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String f : fields) {
                cells.add(quote(row.getOrDefault(f, "")));
            }
            all.add(String.join(",", cells));
        }
        return all;
    }

    /**
     * One proxied request. {@code anchor} is the AnchorMailbox column, {@code cookie} BackEndCookie.
     */
    static Map<String, String> row(String dateTime, String protocol, String method, String stem, String query,
            String user, String anchor, String cookie, String clientIp, String agent, int status) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("DateTime", dateTime);
        row.put("RequestId", java.util.UUID.nameUUIDFromBytes((dateTime + stem + query).getBytes()).toString());
        row.put("MajorVersion", "15");
        row.put("MinorVersion", "2");
        row.put("BuildVersion", "1118");
        row.put("RevisionVersion", "7");
        row.put("Protocol", protocol);
        row.put("UrlHost", "mail.contoso.com");
        row.put("UrlStem", stem);
        row.put("UrlQuery", query);
        row.put("AuthenticationType", user.isEmpty() ? "" : "Negotiate");
        row.put("IsAuthenticated", user.isEmpty() ? "false" : "true");
        row.put("AuthenticatedUser", user);
        row.put("AnchorMailbox", anchor);
        row.put("BackEndCookie", cookie);
        row.put("UserAgent", agent);
        row.put("ClientIpAddress", clientIp);
        row.put("ServerHostName", "EXCH02");
        row.put("HttpStatus", Integer.toString(status));
        row.put("BackEndStatus", Integer.toString(status));
        row.put("Method", method);
        row.put("ProxyAction", "Proxy");
        row.put("TargetServer", "EXCH02.contoso.local");
        row.put("TargetServerVersion", "15.02.1118.007");
        row.put("RoutingType", anchor.isEmpty() ? "" : "Smtp");
        row.put("TotalRequestTime", "42");
        row.put("GenericInfo", "BeginRequest=" + dateTime + ";CorrelationID=<empty>;ProxyState-Run=None;");
        return row;
    }

    private static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
