package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.exhunt.server.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet from the outside, run against each backend: two tenants, an upload, the analyst's
 * listing, the other tenant seeing nothing, 401 without a token, and the upload still there
 * after the server process is killed with SIGKILL and started again on the same data.
 */
abstract class EndToEndScenario {

    @TempDir
    Path data;

    /** The JDBC URL of the backend under test; null for SQLite in the data folder. */
    abstract String databaseUrl();

    @Test
    void anAcceptedUploadIsListedForItsTenantOnlyAndSurvivesSigkill() throws Exception {
        String agentA = Tokens.create(data, databaseUrl(), "cert-a", Role.AGENT);
        String analystA = Tokens.create(data, databaseUrl(), "cert-a", Role.ANALYST);
        String analystB = Tokens.create(data, databaseUrl(), "mssp-b", Role.ANALYST);

        String id;
        try (ChildServer server = ChildServer.start(data, databaseUrl())) {
            Http http = new Http(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(http.get("/api/v1/health", null).status()).isEqualTo(200);

            Http.Answer up = http.post("/api/v1/scans", agentA, SampleReports.compromised("scan-1", "EXCH01", "104.248.49.97"));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            id = up.json().path("id").asText();

            Http.Answer listing = http.get("/api/v1/servers", analystA);
            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.json().path("servers")).hasSize(1);
            assertThat(listing.json().path("servers").get(0).path("host").asText()).isEqualTo("EXCH01");
            assertThat(listing.json().path("servers").get(0).path("verdict").asText()).isEqualTo("compromised");

            Http.Answer other = http.get("/api/v1/servers", analystB);
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.json().path("servers")).isEmpty();
            assertThat(http.get("/api/v1/scans/" + id, analystB).status()).isEqualTo(404);

            assertThat(http.get("/api/v1/servers", null).status()).isEqualTo(401);

            // One structured line per request, naming the tenant but holding no secret.
            String log = server.output();
            assertThat(log).contains("\"path\":\"/api/v1/scans\"").contains("\"tenant\":\"cert-a\"");
            assertThat(log).doesNotContain(agentA).doesNotContain(analystA).doesNotContain(analystB);

            // The answer came after the commit; nothing in memory may be needed to keep it.
            server.kill();
        }

        try (ChildServer again = ChildServer.start(data, databaseUrl())) {
            Http http = new Http(URI.create("http://127.0.0.1:" + again.port()));
            Http.Answer scan = http.get("/api/v1/scans/" + id, analystA);
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            assertThat(scan.json().path("report").path("scan").path("id").asText()).isEqualTo("scan-1");
            assertThat(http.get("/api/v1/servers", analystA).json().path("servers")).hasSize(1);
            Http.Answer reupload = http.post("/api/v1/scans", agentA, SampleReports.compromised("scan-1", "EXCH01", "104.248.49.97"));
            assertThat(reupload.status()).isEqualTo(200);
            assertThat(reupload.json().path("id").asText()).isEqualTo(id);
        }
    }
}
