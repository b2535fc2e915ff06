package org.exhunt.server;

import io.javalin.Javalin;
import java.net.URI;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.exhunt.server.api.ApiRoutes;
import org.exhunt.server.auth.BearerAuth;
import org.exhunt.server.dashboard.DashboardRoutes;
import org.exhunt.server.ops.InFlight;
import org.exhunt.server.ops.RateLimiter;
import org.exhunt.server.ops.RequestLog;
import org.exhunt.server.ops.TlsConnector;
import org.exhunt.server.store.Storage;
import org.exhunt.server.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet server: the REST API under {@code /api/v1} and the dashboard under {@code /}, over
 * one store. {@link #start} returns once it listens; {@link #stop} stops taking requests, lets
 * the running ones finish (up to {@link #STOP_GRACE_MS}) and closes the database.
 */
public final class FleetServer implements AutoCloseable {

    /** How long a stop waits for requests in flight. */
    public static final int STOP_GRACE_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FleetServer.class);

    private final Javalin app;
    private final Storage storage;
    private final ServerConfig config;
    private final InFlight inFlight;

    private FleetServer(Javalin app, Storage storage, ServerConfig config, InFlight inFlight) {
        this.app = app;
        this.storage = storage;
        this.config = config;
        this.inFlight = inFlight;
    }

    public static FleetServer start(ServerConfig config) {
        Storage storage = Storage.open(config.dataDir(), config.databaseUrl());
        try {
            BearerAuth auth = new BearerAuth(new TokenStore(storage));
            RateLimiter limiter = new RateLimiter(config.requestsPerSecond(), config.burst());
            InFlight inFlight = new InFlight();
            Javalin app = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.http.maxRequestSize = config.maxUploadBytes();
                cfg.router.ignoreTrailingSlashes = true;
                RequestLog log = new RequestLog();
                // The request logger runs when a request is done, whatever happened: the place to count it out.
                cfg.requestLogger.http((ctx, ms) -> {
                    try {
                        log.handle(ctx, ms);
                    } finally {
                        inFlight.leave(ctx);
                    }
                });
                // Jetty's own graceful stop waits for each request's response to be written out; the
                // in-flight count above ends when the handler returns, a moment before the bytes leave.
                cfg.jetty.modifyServer(server -> {
                    server.setHandler(new StatisticsHandler());
                    server.setStopTimeout(STOP_GRACE_MS);
                });
                if (config.tls()) {
                    cfg.jetty.addConnector((server, http) -> TlsConnector.create(server, http, config));
                }
            });
            app.before(inFlight::enter);
            ApiRoutes.register(app, storage, auth, limiter, config.maxUploadBytes());
            DashboardRoutes.register(app, new org.exhunt.server.store.ScanStore(storage), auth, limiter, config.tls());
            app.start(config.bindAddress(), config.port());
            FleetServer server = new FleetServer(app, storage, config, inFlight);
            LOG.info("exhunt fleet server listening on {} (database {})", server.uri(), storage.describe());
            return server;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Requests being handled now; lets tests know a request has reached its handler. */
    int requestsRunning() {
        return inFlight.running();
    }

    /** The port it listens on (the chosen one when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8443}. */
    public URI uri() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port());
    }

    public void stop() {
        try {
            if (!inFlight.close(STOP_GRACE_MS)) {
                LOG.warn("stopping with requests still running after {} ms; they may fail", STOP_GRACE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                app.stop();
            } finally {
                storage.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
