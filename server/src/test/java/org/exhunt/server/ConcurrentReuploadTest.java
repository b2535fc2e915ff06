package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One report sent by several clients at the same moment (an agent retrying while its first try
 * is still running): one 201, the others 200 with the same id, one stored scan. On PostgreSQL
 * the writes really run side by side, so this is where the unique key settles the race.
 */
class ConcurrentReuploadTest {

    private static final int CLIENTS = 8;

    @TempDir
    Path data;

    @Test
    void onSqliteTheSameReportAtOnceIsStoredOnce() throws Exception {
        sameReportAtOnce(ServerConfig.defaults(data));
    }

    @Test
    void onPostgresTheSameReportAtOnceIsStoredOnce() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            sameReportAtOnce(ServerConfig.defaults(data).withDatabase(db.url()));
        }
    }

    private void sameReportAtOnce(ServerConfig config) throws Exception {
        try (RunningServer s = RunningServer.start(config.withLimits(ServerConfig.DEFAULT_MAX_UPLOAD_BYTES, 1000, 1000))) {
            for (int round = 0; round < 5; round++) {
                String report = SampleReports.compromised("race-" + round, "EXCH-RACE", "10.2.2." + round);
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<Http.Answer>> answers = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return s.http.post("/api/v1/scans", s.agentA, report);
                    }));
                }
                go.countDown();
                List<Http.Answer> got = new ArrayList<>();
                for (Future<Http.Answer> f : answers) got.add(f.get(60, TimeUnit.SECONDS));
                pool.shutdown();
                assertThat(got).extracting(Http.Answer::status).containsOnly(200, 201);
                assertThat(got).filteredOn(a -> a.status() == 201).hasSize(1);
                assertThat(got).extracting(a -> a.json().path("id").asText()).containsOnly(got.get(0).json().path("id").asText());
            }
            assertThat(s.http.get("/api/v1/servers/EXCH-RACE", s.analystA).json().path("scans")).hasSize(5);
        }
    }
}
