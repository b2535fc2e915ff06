package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint without a token, with the wrong role, with another tenant's token; oversized,
 * malformed and non-report uploads; other tenants' scan ids and hosts.
 */
class SecurityTest {

    @TempDir
    Path data;
    RunningServer s;
    String scanIdOfA;

    /** Each endpoint as {method, path}; paths name tenant A's data. */
    List<String[]> endpoints() {
        return List.of(new String[] {"POST", "/api/v1/scans"}, new String[] {"GET", "/api/v1/servers"},
                new String[] {"GET", "/api/v1/servers/EXCH-A"}, new String[] {"GET", "/api/v1/scans/" + scanIdOfA},
                new String[] {"GET", "/api/v1/actors"}, new String[] {"GET", "/api/v1/openapi.json"});
    }

    @BeforeEach
    void start() {
        s = RunningServer.start(ServerConfig.defaults(data).withLimits(64 * 1024, 1000, 1000));
        Http.Answer up = s.http.post("/api/v1/scans", s.agentA, SampleReports.compromised("a-1", "EXCH-A", "198.51.100.7"));
        assertThat(up.status()).isEqualTo(201);
        scanIdOfA = up.json().path("id").asText();
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void everyEndpointButHealthAnswers401WithoutAToken() {
        for (String[] e : endpoints()) {
            Http.Answer a = s.http.send(e[0], e[1], null, e[0].equals("POST") ? SampleReports.clean("x", "H") : null);
            assertThat(a.status()).as(e[0] + " " + e[1]).isEqualTo(401);
            assertThat(a.json().path("error").asText()).contains("Bearer");
        }
    }

    @Test
    void anUnknownOrMalformedTokenIs401() {
        for (String bad : new String[] {"exh_notatoken", "x".repeat(5000), "", s.agentA + "x"}) {
            assertThat(s.http.get("/api/v1/servers", bad).status()).as(bad).isEqualTo(401);
        }
    }

    @Test
    void anAgentTokenMayOnlyUpload() {
        for (String[] e : endpoints()) {
            if (e[0].equals("POST")) continue;
            assertThat(s.http.get(e[1], s.agentA).status()).as(e[1]).isEqualTo(e[1].endsWith("openapi.json") ? 200 : 403);
        }
    }

    @Test
    void anAnalystTokenMayNotUpload() {
        Http.Answer a = s.http.post("/api/v1/scans", s.analystA, SampleReports.clean("x", "H"));
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().path("error").asText()).contains("agent");
    }

    @Test
    void anotherTenantSeesNoneOfTheDataByAnyPathOrId() {
        assertThat(s.http.get("/api/v1/servers", s.analystB).json().path("servers")).isEmpty();
        assertThat(s.http.get("/api/v1/actors", s.analystB).json().path("actors")).isEmpty();
        assertThat(s.http.get("/api/v1/servers/EXCH-A", s.analystB).status()).isEqualTo(404);
        Http.Answer scan = s.http.get("/api/v1/scans/" + scanIdOfA, s.analystB);
        assertThat(scan.status()).isEqualTo(404);
        assertThat(scan.body()).doesNotContain("EXCH-A").doesNotContain("198.51.100.7");
    }

    @Test
    void theSameScanIdFromAnotherTenantIsItsOwnScan() {
        Http.Answer b = s.http.post("/api/v1/scans", s.agentB, SampleReports.clean("a-1", "EXCH-B"));
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.json().path("id").asText()).isNotEqualTo(scanIdOfA);
        assertThat(s.http.get("/api/v1/servers", s.analystA).json().path("servers")).hasSize(1);
    }

    @Test
    void anOversizedUploadIs413AndNotStored() {
        var big = SampleReports.report("big", "EXCH-BIG", "clean", List.of(), "2021-03-03T02:10:11Z");
        big.with("scan").putArray("inputs").add("x".repeat(70 * 1024));
        Http.Answer a = s.http.post("/api/v1/scans", s.agentA, SampleReports.json(big));
        assertThat(a.status()).isEqualTo(413);
        assertThat(s.http.get("/api/v1/servers/EXCH-BIG", s.analystA).status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        Http.Answer a = s.http.post("/api/v1/scans", s.agentA, "{\"tool\": {\"name\": \"exhunt\",\n \"version\": }");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").asText()).contains("line 2");
    }

    @Test
    void jsonThatIsNotAReportIs422WithTheSchemaProblems() {
        var r = SampleReports.report("s", "H", "pwned", List.of(), "2021-03-03T02:10:11Z");
        Http.Answer a = s.http.post("/api/v1/scans", s.agentA, SampleReports.json(r));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().path("problems").toString()).contains("verdict");
        assertThat(s.http.post("/api/v1/scans", s.agentA, "[1,2]").status()).isEqualTo(400);
        assertThat(s.http.post("/api/v1/scans", s.agentA, "{}").status()).isEqualTo(422);
    }

    @Test
    void bytesThatAreNotUtf8OrNothingAtAllAre400() {
        assertThat(s.http.postBytes("/api/v1/scans", s.agentA, new byte[] {'{', (byte) 0xC3, '}'}).status()).isEqualTo(400);
        assertThat(s.http.postBytes("/api/v1/scans", s.agentA, new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void uploadedTextIsEscapedOnTheDashboard() {
        var r = SampleReports.report("xss", "<script>alert(1)</script>", "attempted", List.of(), "2021-03-03T02:10:11Z", "10.0.0.1");
        assertThat(s.http.post("/api/v1/scans", s.agentA, SampleReports.json(r)).status()).isEqualTo(201);
        String page = Dashboard.fleetPage(s, s.analystA);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theDashboardWithoutASignInSendsToTheSignInPage() {
        Http.Answer a = s.http.get("/", null);
        assertThat(a.status()).isEqualTo(303);
        assertThat(s.http.get("/servers/EXCH-A", null).status()).isEqualTo(303);
        assertThat(s.http.get("/actors", null).status()).isEqualTo(303);
    }

    @Test
    void anotherTenantsServerPageIsNotFoundOnTheDashboard() {
        assertThat(Dashboard.get(s, "/servers/EXCH-A", s.analystB).status()).isEqualTo(404);
        assertThat(Dashboard.get(s, "/servers/EXCH-A", s.analystA).status()).isEqualTo(200);
        assertThat(Dashboard.get(s, "/", s.agentA).status()).isEqualTo(403);
    }
}
