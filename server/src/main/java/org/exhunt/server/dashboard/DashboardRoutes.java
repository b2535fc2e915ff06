package org.exhunt.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.exhunt.server.auth.BearerAuth;
import org.exhunt.server.auth.Principal;
import org.exhunt.server.auth.Role;
import org.exhunt.server.auth.TokenSecrets;
import org.exhunt.server.ops.RateLimiter;
import org.exhunt.server.ops.RequestLog;
import org.exhunt.server.store.ScanStore;
import org.exhunt.server.store.ScanSummary;

/**
 * The dashboard: server-rendered pages for analysts. A browser cannot add a bearer header to a
 * link, so the sign-in form checks the token once and gives the browser an HttpOnly,
 * SameSite=Strict cookie with a session id (see {@link Sessions}); the pages only read, and the API
 * does not accept the cookie, so no other site can make a browser write.
 */
public final class DashboardRoutes {

    static final String COOKIE = "exhunt_session";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ScanStore scans;
    private final BearerAuth auth;
    private final RateLimiter limiter;
    private final boolean secureCookie;
    private final Sessions sessions = new Sessions(Clock.systemUTC());

    private DashboardRoutes(ScanStore scans, BearerAuth auth, RateLimiter limiter, boolean secureCookie) {
        this.scans = scans;
        this.auth = auth;
        this.limiter = limiter;
        this.secureCookie = secureCookie;
    }

    public static void register(Javalin app, ScanStore scans, BearerAuth auth, RateLimiter limiter, boolean secureCookie) {
        DashboardRoutes d = new DashboardRoutes(scans, auth, limiter, secureCookie);
        String css = asset("dashboard.css");
        String js = asset("dashboard.js");
        app.get("/assets/dashboard.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
        app.get("/assets/dashboard.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(js));
        app.get("/login", ctx -> d.html(ctx, 200, LoginPage.render(null)));
        app.post("/login", d::login);
        app.post("/logout", d::logout);
        app.get("/", ctx -> d.fleet(ctx));
        app.get("/servers/{host}", ctx -> d.server(ctx));
        app.get("/actors", ctx -> d.actors(ctx));
    }

    private void fleet(Context ctx) {
        Principal p = analyst(ctx);
        if (p == null) return;
        html(ctx, 200, FleetPage.render(p.tenant(), scans.servers(p.tenant())));
    }

    private void server(Context ctx) {
        Principal p = analyst(ctx);
        if (p == null) return;
        String host = ctx.pathParam("host");
        List<ScanSummary> list = scans.scansOf(p.tenant(), host);
        if (list.isEmpty()) {
            html(ctx, 404, LoginPage.notFound("No server named '" + host + "' in your fleet."));
            return;
        }
        JsonNode report = scans.scan(p.tenant(), list.get(0).id()).map(s -> {
            try {
                return JSON.readTree(s.report());
            } catch (IOException e) {
                throw new UncheckedIOException("stored report " + s.summary().id() + " is not JSON", e);
            }
        }).orElse(JSON.createObjectNode());
        html(ctx, 200, ServerPage.render(list.get(0).host(), list, report));
    }

    private void actors(Context ctx) {
        Principal p = analyst(ctx);
        if (p == null) return;
        html(ctx, 200, ActorsPage.render(scans.actors(p.tenant())));
    }

    private void login(Context ctx) {
        String token = ctx.formParam("token");
        Principal p = auth.fromToken(token == null ? null : token.strip()).orElse(null);
        if (p == null) {
            html(ctx, 401, LoginPage.render("That token is not known to this server."));
            return;
        }
        ctx.attribute(RequestLog.PRINCIPAL, p);
        if (p.role() != Role.ANALYST) {
            html(ctx, 403, LoginPage.render("That is an agent token; the dashboard needs an analyst token."));
            return;
        }
        String session = sessions.open(TokenSecrets.hash(token.strip()));
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The signed-in analyst, or null after answering (sign-in redirect, 403 or 429). */
    private Principal analyst(Context ctx) {
        Principal p = sessions.tokenHash(ctx.cookie(COOKIE)).flatMap(auth::fromTokenHash).orElse(null);
        if (p == null) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return null;
        }
        ctx.attribute(RequestLog.PRINCIPAL, p);
        if (!limiter.tryAcquire(p.tokenId())) {
            ctx.header("Retry-After", Long.toString(limiter.retryAfterSeconds()));
            html(ctx, 429, Html.page("Slow down", null, true, "<h1>Too many requests</h1><p>Wait a moment and reload.</p>"));
            return null;
        }
        if (p.role() != Role.ANALYST) {
            html(ctx, 403, LoginPage.forbidden());
            return null;
        }
        return p;
    }

    private void html(Context ctx, int status, String page) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }

    private static String asset(String name) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the server jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the server jar", e);
        }
    }
}
