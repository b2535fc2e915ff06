package org.exhunt.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds report JSON in the shape of docs/report-schema.md, with the parts the fleet reads set by the test. */
public final class SampleReports {

    static final ObjectMapper JSON = new ObjectMapper();

    private SampleReports() {
    }

    /**
     * @param scanId    the report's scan.id (null allowed)
     * @param host      the report's scan.host (null allowed)
     * @param addresses one chain per address, each with one critical finding at {@code first}
     */
    public static ObjectNode report(String scanId, String host, String verdict, List<String> openCves,
                                    String first, String... addresses) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("tool").put("name", "exhunt").put("version", "0.1.0");
        r.put("schema_version", "1.0");
        ObjectNode scan = r.putObject("scan");
        scan.put("id", scanId);
        scan.put("started", "2026-01-01T10:00:00Z");
        scan.put("finished", "2026-01-01T10:00:07Z");
        scan.putArray("inputs").add("evidence/");
        scan.put("host", host);
        scan.put("events", 1200);
        scan.put("threads", 2);
        scan.putNull("since");
        scan.putNull("until");
        scan.putObject("rules").put("sigma", 40);
        scan.put("fail_level", "high");
        ObjectNode v = r.putObject("verdict");
        v.put("value", verdict);
        v.putArray("reasons").add("test reason for " + verdict);
        ObjectNode e = r.putObject("exposure");
        e.put("build", openCves.isEmpty() ? "15.2.1118.40" : "15.1.2106.2");
        e.put("source", "registry export setup.reg line 4");
        ArrayNode cves = e.putArray("cves");
        openCves.forEach(cves::add);
        ObjectNode cov = r.putObject("coverage");
        cov.putArray("files");
        cov.putObject("totals").put("files", 0).put("read", 0).put("partial", 0).put("skipped", 0).put("failed", 0);
        ArrayNode findings = r.putArray("findings");
        ArrayNode chains = r.putArray("chains");
        for (String a : addresses) {
            ObjectNode f = findings.addObject();
            f.putObject("rule").put("id", "r-1").put("title", "ProxyLogon SSRF <succeeded>").put("level", "critical")
                    .putArray("tags").add("cve.2021-26855");
            f.put("engine", "sigma");
            f.put("time", first);
            f.putObject("source").put("path", "logs/u_ex210303.log").put("line", 41);
            f.putObject("matched").put("cs-uri-stem", "/ecp/y.js");
            f.putObject("actor").put("ip", a).putNull("user").putNull("user_agent");
            ObjectNode c = chains.addObject();
            c.put("actor", a);
            c.putArray("addresses").add(a);
            c.put("first", first);
            c.put("last", first);
            c.put("findings", 1);
            c.putObject("levels").put("critical", 1);
            c.putArray("tactics").add("initial-access");
            c.putArray("cves").add("CVE-2021-26855");
            c.putArray("rules").addObject().put("id", "r-1").put("title", "ProxyLogon SSRF").put("level", "critical")
                    .put("count", 1);
        }
        r.putArray("errors");
        return r;
    }

    public static String json(ObjectNode report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compromised server with one attacker address and open CVEs. */
    public static String compromised(String scanId, String host, String address) {
        return json(report(scanId, host, "compromised", List.of("CVE-2021-34473"), "2021-03-03T02:10:11Z", address));
    }

    public static String clean(String scanId, String host) {
        return json(report(scanId, host, "clean", List.of(), "2021-03-03T02:10:11Z"));
    }
}
