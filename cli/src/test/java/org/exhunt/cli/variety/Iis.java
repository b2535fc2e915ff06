package org.exhunt.cli.variety;

import java.util.ArrayList;
import java.util.List;

/** IIS W3C log lines in the default Exchange field set, values written the way IIS writes them. */
final class Iis {

    static final String FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
            + " cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

    static final String OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.14326; Pro)";
    static final String EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/108.0.0.0 Safari/537.36 Edg/108.0.1462.54";
    static final String PYTHON = "python-requests/2.26.0";

    private Iis() {
    }

    /** A whole log: the four header lines IIS writes, then the given lines. */
    static List<String> log(String date, String fields, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add("#Software: Microsoft Internet Information Services 10.0");
        all.add("#Version: 1.0");
        all.add("#Date: " + date + " 00:00:01");
        all.add("#Fields: " + fields);
        all.addAll(lines);
        return all;
    }

    static List<String> log(String date, List<String> lines) {
        return log(date, FIELDS, lines);
    }

    /** One request in the default field order; empty values become '-', spaces in the agent '+'. */
    static String line(String date, String time, String method, String stem, String query, int port,
            String user, String clientIp, String agent, int status) {
        return String.join(" ", date, time, "10.1.0.5", method, stem, dash(query), Integer.toString(port),
                dash(user), clientIp, dash(agent).replace(' ', '+'), "-", Integer.toString(status), "0", "0", "31");
    }

    private static String dash(String v) {
        return v == null || v.isEmpty() ? "-" : v;
    }
}
