package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token past its burst is told to slow down; other tokens are not. */
class RateLimitTest {

    @TempDir
    Path data;

    @Test
    void aTokenBeyondItsBurstGets429WithRetryAfterWhileAnotherTokenStillGetsIn() {
        try (RunningServer s = RunningServer.start(ServerConfig.defaults(data).withLimits(1 << 20, 0.5, 3))) {
            int[] statuses = new int[5];
            for (int i = 0; i < statuses.length; i++) statuses[i] = s.http.get("/api/v1/servers", s.analystA).status();
            assertThat(statuses).startsWith(200, 200, 200).contains(429);
            assertThat(s.http.get("/api/v1/servers", s.analystB).status()).isEqualTo(200);
        }
    }
}
