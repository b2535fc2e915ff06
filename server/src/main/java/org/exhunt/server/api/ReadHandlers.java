package org.exhunt.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.exhunt.server.auth.Principal;
import org.exhunt.server.auth.Role;
import org.exhunt.server.store.FleetActor;
import org.exhunt.server.store.ScanStore;
import org.exhunt.server.store.ScanSummary;
import org.exhunt.server.store.ServerSummary;
import org.exhunt.server.store.StoredScan;
import org.exhunt.server.store.VerdictCounts;

/** The analyst's read endpoints; each reads within the caller's tenant only. */
final class ReadHandlers {

    private final ScanStore scans;

    ReadHandlers(ScanStore scans) {
        this.scans = scans;
    }

    void servers(Context ctx) {
        Principal p = Access.require(ctx, Role.ANALYST);
        List<ServerSummary> servers = scans.servers(p.tenant());
        ObjectNode n = Json.object();
        ObjectNode counts = n.putObject("counts");
        VerdictCounts.of(servers).forEach(counts::put);
        ArrayNode list = n.putArray("servers");
        for (ServerSummary s : servers) {
            ObjectNode o = list.addObject();
            o.put("host", s.host());
            o.put("verdict", s.latest().verdict());
            o.set("exposure", exposure(s.latest()));
            Json.putTime(o, "last_scan", s.latest().when());
            o.put("latest_scan_id", s.latest().id());
            o.put("findings", s.latest().findings());
            o.put("scans", s.scans());
        }
        Json.send(ctx, 200, n);
    }

    void server(Context ctx) {
        Principal p = Access.require(ctx, Role.ANALYST);
        String host = ctx.pathParam("host");
        List<ScanSummary> list = scans.scansOf(p.tenant(), host);
        if (list.isEmpty()) throw new ApiException(404, "no server named '" + host + "' in your tenant");
        ScanSummary latest = list.get(0);
        ObjectNode n = Json.object();
        n.put("host", latest.host());
        n.put("verdict", latest.verdict());
        n.set("exposure", exposure(latest));
        Json.putTime(n, "last_scan", latest.when());
        ArrayNode arr = n.putArray("scans");
        for (ScanSummary s : list) arr.add(scanSummary(s));
        JsonNode report = scans.scan(p.tenant(), latest.id()).map(ReadHandlers::reportOf).orElse(null);
        n.set("chains", report == null ? Json.MAPPER.createArrayNode() : report.path("chains"));
        Json.send(ctx, 200, n);
    }

    void scan(Context ctx) {
        Principal p = Access.require(ctx, Role.ANALYST);
        String id = ctx.pathParam("id");
        StoredScan stored = scans.scan(p.tenant(), id)
                .orElseThrow(() -> new ApiException(404, "no scan with id '" + id + "' in your tenant"));
        ObjectNode n = scanSummary(stored.summary());
        n.set("report", reportOf(stored));
        Json.send(ctx, 200, n);
    }

    void actors(Context ctx) {
        Principal p = Access.require(ctx, Role.ANALYST);
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("actors");
        for (FleetActor a : scans.actors(p.tenant())) {
            ObjectNode o = arr.addObject();
            o.put("address", a.address());
            a.hosts().forEach(o.putArray("servers")::add);
            Json.putTime(o, "first", a.first());
            Json.putTime(o, "last", a.last());
            o.put("findings", a.findings());
        }
        Json.send(ctx, 200, n);
    }

    private static ObjectNode scanSummary(ScanSummary s) {
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.put("host", s.host());
        o.put("verdict", s.verdict());
        o.set("exposure", exposure(s));
        o.put("findings", s.findings());
        Json.putTime(o, "scan_time", s.scanTime());
        Json.putTime(o, "received", s.received());
        return o;
    }

    private static ObjectNode exposure(ScanSummary s) {
        ObjectNode e = Json.object();
        e.put("build", s.exposureBuild());
        s.exposureCves().forEach(e.putArray("cves")::add);
        if (!e.has("cves")) e.putArray("cves");
        return e;
    }

    static JsonNode reportOf(StoredScan stored) {
        try {
            return Json.MAPPER.readTree(stored.report());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report " + stored.summary().id() + " is no longer valid JSON", e);
        }
    }
}
