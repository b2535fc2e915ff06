package org.exhunt.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.exhunt.server.auth.BearerAuth;
import org.exhunt.server.ops.RateLimiter;
import org.exhunt.server.store.ScanStore;
import org.exhunt.server.store.Storage;

/** The REST API under {@code /api/v1}, described by {@code /api/v1/openapi.json}. */
public final class ApiRoutes {

    public static final String BASE = "/api/v1";
    public static final String HEALTH = BASE + "/health";
    public static final String SCANS = BASE + "/scans";
    public static final String SERVERS = BASE + "/servers";
    public static final String ACTORS = BASE + "/actors";
    public static final String OPENAPI = BASE + "/openapi.json";

    private ApiRoutes() {
    }

    public static void register(Javalin app, Storage storage, BearerAuth auth, RateLimiter limiter, long maxUploadBytes) {
        ScanStore scans = new ScanStore(storage);
        Access access = new Access(auth, limiter);
        UploadHandler upload = new UploadHandler(scans, ReportSchema.load(), maxUploadBytes, Clock.systemUTC());
        ReadHandlers read = new ReadHandlers(scans);
        String openApi = openApiDocument();

        app.before(BASE + "/*", access::authenticate);
        app.before(BASE, access::authenticate);
        app.get(HEALTH, ctx -> health(ctx, storage));
        app.get(OPENAPI, ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        app.post(SCANS, upload::handle);
        app.get(SERVERS, read::servers);
        app.get(SERVERS + "/{host}", read::server);
        app.get(SCANS + "/{id}", read::scan);
        app.get(ACTORS, read::actors);
        app.exception(ApiException.class, (e, ctx) -> Json.error(ctx, e.status(), e.getMessage()));
    }

    private static void health(Context ctx, Storage storage) {
        boolean ok;
        try {
            ok = storage.reachable();
        } catch (RuntimeException e) {
            ok = false;
        }
        var n = Json.object();
        n.put("status", ok ? "ok" : "database unreachable");
        Json.send(ctx, ok ? 200 : 503, n);
    }

    private static String openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the server jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.json from the server jar", e);
        }
    }
}
