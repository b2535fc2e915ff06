package org.exhunt.server;

import java.nio.file.Path;
import org.exhunt.server.auth.Role;

/** An in-process fleet server on a free loopback port, with tokens for two tenants. */
public final class RunningServer implements AutoCloseable {

    public final FleetServer server;
    public final Http http;
    public final String agentA;
    public final String analystA;
    public final String agentB;
    public final String analystB;

    private RunningServer(FleetServer server, String agentA, String analystA, String agentB, String analystB) {
        this.server = server;
        this.http = new Http(server.uri());
        this.agentA = agentA;
        this.analystA = analystA;
        this.agentB = agentB;
        this.analystB = analystB;
    }

    public static RunningServer start(ServerConfig config) {
        Path data = config.dataDir();
        String db = config.databaseUrl();
        String agentA = Tokens.create(data, db, "tenant-a", Role.AGENT);
        String analystA = Tokens.create(data, db, "tenant-a", Role.ANALYST);
        String agentB = Tokens.create(data, db, "tenant-b", Role.AGENT);
        String analystB = Tokens.create(data, db, "tenant-b", Role.ANALYST);
        return new RunningServer(FleetServer.start(config.withBind(ServerConfig.LOOPBACK, 0)), agentA, analystA, agentB, analystB);
    }

    public static RunningServer sqlite(Path data) {
        return start(ServerConfig.defaults(data));
    }

    @Override
    public void close() {
        server.stop();
    }
}
