package org.exhunt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.exhunt.server.FleetServer;
import org.exhunt.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhunt serve}: runs the fleet server until interrupted (Ctrl-C or SIGTERM stop it gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the fleet server: collects the reports of 'exhunt scan --upload' from many Exchange "
                + "servers and shows the fleet (REST API under /api/v1, dashboard at /).", ""},
        footer = {"",
                "First deployment:",
                "  1. exhunt serve --data /var/lib/exhunt",
                "       SQLite in the data folder, http://127.0.0.1:8443 (loopback only). Back up the folder.",
                "  2. exhunt token create --data /var/lib/exhunt --tenant cert-a --role agent",
                "     exhunt token create --data /var/lib/exhunt --tenant cert-a --role analyst",
                "       Tokens are printed once. Agents upload; analysts read their tenant (API and dashboard).",
                "  3. On each Exchange server or triage copy:",
                "       exhunt scan EVIDENCE --upload http://HOST:8443 --token AGENT-TOKEN",
                "  4. Open http://127.0.0.1:8443/ and sign in with the analyst token.",
                "",
                "To reach it from other machines, bind to an interface with TLS:",
                "  exhunt serve --data DIR --bind 0.0.0.0 --tls-cert cert.pem --tls-key key.pem",
                "PostgreSQL instead of SQLite (many servers, or a database already backed up):",
                "  exhunt serve --data DIR --db 'jdbc:postgresql://db:5432/exhunt?user=exhunt&password=...'",
                "Uploads are committed before they are acknowledged: a crash loses no accepted report.",
                "Request logs are JSON lines on stderr, with no tokens. See docs/server.md."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The data folder: the SQLite database (fleet.db) lives here. Created if missing.")
    Path data;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for every interface.")
    String bind;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Use PostgreSQL, e.g. jdbc:postgresql://HOST:5432/DB?user=U&password=P (default: SQLite in --data).")
    String db;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM) for HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Its private key (PEM, unencrypted PKCS#8).")
    Path tlsKey;

    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "64M",
            description = "Largest report accepted, e.g. 500K, 64M (default: ${DEFAULT-VALUE}).")
    String maxUpload;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_REQUESTS_PER_SECOND,
            description = "Requests per second allowed to one token, sustained (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_BURST,
            description = "Requests one token may send at once before --rate applies (default: ${DEFAULT-VALUE}).")
    int burst;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile FleetServer running;

    @Override
    public Integer call() throws InterruptedException {
        for (Path p : new Path[] {tlsCert, tlsKey}) {
            if (p != null && !Files.isReadable(p)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot read " + p);
            }
        }
        ServerConfig config;
        try {
            config = ServerConfig.defaults(data).withBind(bind, port).withDatabase(db).withTls(tlsCert, tlsKey)
                    .withLimits(size(maxUpload), rate, burst);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!isLoopback(bind) && !config.tls()) {
            err.println("exhunt: warning: listening on " + bind + " without TLS; tokens and reports cross the "
                    + "network in clear text. Add --tls-cert and --tls-key.");
        }
        FleetServer server = FleetServer.start(config);
        running = server;
        Thread hook = new Thread(this::shutdown, "exhunt-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("exhunt fleet server on " + server.uri() + "/ (API " + server.uri() + "/api/v1, data " + data + ")");
        out.println("Stop with Ctrl-C; requests in flight are finished first.");
        out.flush();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself brought us here
        }
        return Main.OK;
    }

    /** Stops the server gracefully; called by the shutdown hook (SIGTERM, Ctrl-C) or a test. */
    void shutdown() {
        FleetServer s = running;
        if (s != null) {
            running = null;
            s.stop();
        }
        stopped.countDown();
    }

    FleetServer server() {
        return running;
    }

    static long size(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("K")) factor = 1024;
        else if (t.endsWith("M")) factor = 1024 * 1024;
        else if (t.endsWith("G")) factor = 1024L * 1024 * 1024;
        if (factor > 1) t = t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(t) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-upload must be a size like 500K or 64M, not '" + text + "'");
        }
    }

    private static boolean isLoopback(String address) {
        return address.equals("127.0.0.1") || address.equals("::1") || address.equalsIgnoreCase("localhost");
    }
}
