package org.exhunt.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.time.Instant;
import org.exhunt.server.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the logger {@code exhunt.access}: method, path, status, time
 * taken, tenant and the token's short id. Never the Authorization header, the cookie, the query
 * string or the body: those carry secrets or attacker-controlled bulk.
 */
public final class RequestLog implements RequestLogger {

    /** The context attribute holding the caller, set by authentication. */
    public static final String PRINCIPAL = "exhunt.principal";

    private static final Logger LOG = LoggerFactory.getLogger("exhunt.access");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PATH = 300;

    @Override
    public void handle(Context ctx, Float ms) {
        if (!LOG.isInfoEnabled()) return;
        LOG.info(line(ctx, ms));
    }

    static String line(Context ctx, Float ms) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", Instant.now().toString());
        n.put("method", ctx.method().name());
        String path = ctx.path();
        n.put("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path);
        n.put("status", ctx.statusCode());
        n.put("ms", ms == null ? 0 : Math.round(ms * 10) / 10.0);
        n.put("remote", ctx.ip());
        Principal p = ctx.attribute(PRINCIPAL);
        n.put("tenant", p == null ? null : p.tenant());
        n.put("role", p == null ? null : p.role().word());
        n.put("token", p == null ? null : p.tokenId());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"request log line could not be written\"}";
        }
    }
}
