package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.exhunt.server.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sustained uploads from many concurrent clients on loopback, bounded in time: every accepted
 * report is stored exactly once (re-uploads included), none lost, none duplicated. Prints
 * uploads per second and latency percentiles for docs/benchmarks.md.
 * Length per backend: system property {@code exhunt.load.seconds} (default 10); clients:
 * {@code exhunt.load.clients} (default 16).
 */
class FleetLoadTest {

    private static final int SECONDS = Integer.getInteger("exhunt.load.seconds", 10);
    private static final int CLIENTS = Integer.getInteger("exhunt.load.clients", 16);

    @TempDir
    Path data;

    @Test
    void sqliteStoresEveryConcurrentUploadExactlyOnce() throws Exception {
        run("SQLite", ServerConfig.defaults(data));
    }

    @Test
    void postgresStoresEveryConcurrentUploadExactlyOnce() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            run("PostgreSQL", ServerConfig.defaults(data).withDatabase(db.url()));
        }
    }

    private record ClientResult(List<Long> latenciesNanos, Set<String> createdIds, int reuploads, List<String> failures) { }

    private void run(String backend, ServerConfig base) throws Exception {
        ServerConfig config = base.withBind(ServerConfig.LOOPBACK, 0).withLimits(ServerConfig.DEFAULT_MAX_UPLOAD_BYTES, 1e6, 1_000_000);
        List<String> agents = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) agents.add(Tokens.create(config.dataDir(), config.databaseUrl(), "load", Role.AGENT));
        String analyst = Tokens.create(config.dataDir(), config.databaseUrl(), "load", Role.ANALYST);

        try (FleetServer server = FleetServer.start(config)) {
            Http http = new Http(server.uri());
            // Warm-up, not timed: the JIT compiles the upload path before the measurement.
            Set<String> ids = ConcurrentHashMap.newKeySet();
            ClientResult warm = client(http, agents.get(0), -1, System.nanoTime() + TimeUnit.SECONDS.toNanos(3));
            assertThat(warm.failures()).isEmpty();
            ids.addAll(warm.createdIds());
            int created = warm.createdIds().size();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<ClientResult>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> client(http, agents.get(client), client, end)));
            }
            List<Long> latencies = new ArrayList<>();
            int reuploads = 0;
            List<String> failures = new ArrayList<>();
            for (Future<ClientResult> f : futures) {
                ClientResult r = f.get(SECONDS + 120L, TimeUnit.SECONDS);
                latencies.addAll(r.latenciesNanos());
                created += r.createdIds().size();
                ids.addAll(r.createdIds());
                reuploads += r.reuploads();
                failures.addAll(r.failures());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();

            assertThat(failures).as("failed uploads").isEmpty();
            assertThat(ids).as("ids handed out twice").hasSize(created);
            JsonNode servers = http.get("/api/v1/servers", analyst).json().path("servers");
            int stored = 0;
            for (JsonNode s : servers) stored += s.path("scans").asInt();
            assertThat(stored).as("stored scans").isEqualTo(created);
            assertThat(created).isPositive();

            Collections.sort(latencies);
            System.out.printf("LOAD %s: %d clients, %.1f s, %d timed uploads (%d stored in all, %d repeated), %.0f uploads/s, "
                            + "latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    backend, CLIENTS, elapsed, latencies.size(), created, reuploads, latencies.size() / elapsed,
                    pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
        }
    }

    /** One agent: new reports, and every tenth upload a repeat of its previous one, which must keep its id. */
    private static ClientResult client(Http http, String token, int client, long end) {
        List<Long> latencies = new ArrayList<>();
        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        int reuploads = 0;
        String previous = null;
        String previousId = null;
        for (int i = 0; System.nanoTime() < end; i++) {
            boolean repeat = previous != null && i % 10 == 9;
            String body = repeat ? previous : SampleReports.json(SampleReports.report("load-" + client + "-" + i,
                    "LOAD-" + (client + 1), i % 3 == 0 ? "compromised" : "attempted", List.of("CVE-2021-26855"),
                    "2021-03-03T02:10:11Z", "10.0." + (client + 1) + "." + (i % 250), "198.51.100." + (i % 7)));
            long t0 = System.nanoTime();
            Http.Answer a = http.post("/api/v1/scans", token, body);
            latencies.add(System.nanoTime() - t0);
            String id = a.status() == 200 || a.status() == 201 ? a.json().path("id").asText() : null;
            if (repeat) {
                reuploads++;
                if (a.status() != 200 || !previousId.equals(id)) failures.add("repeat answered " + a.status() + " " + a.body());
            } else if (a.status() == 201) {
                created.add(id);
                previous = body;
                previousId = id;
            } else {
                failures.add("upload answered " + a.status() + " " + a.body());
            }
        }
        return new ClientResult(latencies, created, reuploads, failures);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
