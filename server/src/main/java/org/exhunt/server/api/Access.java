package org.exhunt.server.api;

import io.javalin.http.Context;
import org.exhunt.server.auth.BearerAuth;
import org.exhunt.server.auth.Principal;
import org.exhunt.server.auth.Role;
import org.exhunt.server.ops.RateLimiter;
import org.exhunt.server.ops.RequestLog;

/**
 * The API's door: every request but the health check must carry a known bearer token (401
 * otherwise), stay within its token's rate (429), and each endpoint names the one role it serves
 * (403 for the other).
 */
final class Access {

    private final BearerAuth auth;
    private final RateLimiter limiter;

    Access(BearerAuth auth, RateLimiter limiter) {
        this.auth = auth;
        this.limiter = limiter;
    }

    /** Runs before every API handler. */
    void authenticate(Context ctx) {
        if (ctx.path().equals(ApiRoutes.HEALTH)) return;
        Principal p = auth.fromHeader(ctx.header("Authorization")).orElse(null);
        if (p == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"exhunt\"");
            boolean sent = ctx.header("Authorization") != null;
            throw new ApiException(401, sent
                    ? "the bearer token is not known to this server; create one with 'exhunt token create'"
                    : "this endpoint needs 'Authorization: Bearer <token>'; create a token with 'exhunt token create'");
        }
        ctx.attribute(RequestLog.PRINCIPAL, p);
        if (!limiter.tryAcquire(p.tokenId())) {
            ctx.header("Retry-After", Long.toString(limiter.retryAfterSeconds()));
            throw new ApiException(429, "too many requests for this token; slow down and retry after "
                    + limiter.retryAfterSeconds() + " s");
        }
    }

    static Principal require(Context ctx, Role role) {
        Principal p = ctx.attribute(RequestLog.PRINCIPAL);
        if (p == null) throw new ApiException(401, "not authenticated");
        if (p.role() != role) {
            throw new ApiException(403, "a " + p.role().word() + " token cannot do this; it needs a "
                    + role.word() + " token");
        }
        return p;
    }
}
