package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API answers for well-formed use. */
class FleetApiTest {

    @TempDir
    Path data;
    RunningServer s;

    @BeforeEach
    void start() {
        s = RunningServer.sqlite(data);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void theSameReportUploadedTwiceKeepsItsIdAndIsStoredOnce() {
        String report = SampleReports.compromised("scan-7", "EXCH01", "10.0.0.1");
        Http.Answer first = s.http.post("/api/v1/scans", s.agentA, report);
        Http.Answer second = s.http.post("/api/v1/scans", s.agentA, report);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(second.json().path("status").asText()).isEqualTo("already_stored");
        assertThat(s.http.get("/api/v1/servers", s.analystA).json().path("servers").get(0).path("scans").asInt()).isEqualTo(1);
    }

    @Test
    void aReportWithoutScanIdIsRecognisedAgainByItsContentWhateverTheKeyOrder() throws Exception {
        var node = SampleReports.report(null, "EXCH02", "clean", List.of(), "2021-03-03T02:10:11Z");
        Http.Answer first = s.http.post("/api/v1/scans", s.agentA, SampleReports.json(node));
        // the same report with its top-level keys in reverse order and indented
        var reordered = SampleReports.JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (int i = keys.size() - 1; i >= 0; i--) reordered.set(keys.get(i), node.get(keys.get(i)));
        Http.Answer second = s.http.post("/api/v1/scans", s.agentA,
                SampleReports.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    }

    @Test
    void aDifferentReportReusingAScanIdIsAConflict() {
        s.http.post("/api/v1/scans", s.agentA, SampleReports.compromised("scan-9", "EXCH01", "10.0.0.1"));
        Http.Answer other = s.http.post("/api/v1/scans", s.agentA, SampleReports.clean("scan-9", "EXCH01"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("error").asText()).contains("scan-9");
    }

    @Test
    void theServerListShowsEachHostWithItsNewestVerdictExposureAndCounts() {
        var older = SampleReports.report("old", "EXCH01", "clean", List.of(), "2021-03-01T00:00:00Z");
        older.with("scan").put("finished", "2025-01-01T00:00:00Z");
        s.http.post("/api/v1/scans", s.agentA, SampleReports.json(older));
        s.http.post("/api/v1/scans", s.agentA, SampleReports.compromised("new", "EXCH01", "10.0.0.1"));
        s.http.post("/api/v1/scans", s.agentA, SampleReports.clean("x", "EXCH02"));

        JsonNode fleet = s.http.get("/api/v1/servers", s.analystA).json();
        assertThat(fleet.path("counts").path("compromised").asInt()).isEqualTo(1);
        assertThat(fleet.path("counts").path("clean").asInt()).isEqualTo(1);
        assertThat(fleet.path("counts").path("attempted").asInt()).isZero();
        JsonNode exch01 = fleet.path("servers").get(0);
        assertThat(exch01.path("host").asText()).isEqualTo("EXCH01");
        assertThat(exch01.path("verdict").asText()).isEqualTo("compromised");
        assertThat(exch01.path("scans").asInt()).isEqualTo(2);
        assertThat(exch01.path("exposure").path("cves").get(0).asText()).isEqualTo("CVE-2021-34473");
        assertThat(exch01.path("last_scan").asText()).isEqualTo("2026-01-01T10:00:07Z");
    }

    @Test
    void aServerPageListsItsScansNewestFirstWithTheNewestChains() {
        s.http.post("/api/v1/scans", s.agentA, SampleReports.compromised("a", "EXCH01", "10.0.0.1"));
        JsonNode server = s.http.get("/api/v1/servers/EXCH01", s.analystA).json();
        assertThat(server.path("scans")).hasSize(1);
        assertThat(server.path("chains").get(0).path("actor").asText()).isEqualTo("10.0.0.1");
        assertThat(s.http.get("/api/v1/servers/NOPE", s.analystA).status()).isEqualTo(404);
    }

    @Test
    void hostNamesDifferingOnlyInCaseAreOneServer() {
        s.http.post("/api/v1/scans", s.agentA, SampleReports.clean("1", "exch01"));
        s.http.post("/api/v1/scans", s.agentA, SampleReports.compromised("2", "EXCH01", "10.0.0.1"));
        JsonNode servers = s.http.get("/api/v1/servers", s.analystA).json().path("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).path("scans").asInt()).isEqualTo(2);
        assertThat(s.http.get("/api/v1/servers/Exch01", s.analystA).json().path("scans")).hasSize(2);
    }

    @Test
    void aHostNameWithSpacesAndSymbolsCanBeLookedUp() {
        s.http.post("/api/v1/scans", s.agentA, SampleReports.clean("1", "mail server #2 (ü)"));
        Http.Answer a = s.http.get("/api/v1/servers/" + org.exhunt.server.api.UrlPath.segment("mail server #2 (ü)"), s.analystA);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("host").asText()).isEqualTo("mail server #2 (ü)");
    }

    @Test
    void aReportWithoutHostBelongsToTheDeclaredHostOrToUnknown() {
        Http.Answer declared = s.http.post("/api/v1/scans?host=TRIAGE-7", s.agentA, SampleReports.clean("t1", null));
        Http.Answer none = s.http.post("/api/v1/scans", s.agentA, SampleReports.clean("t2", null));
        assertThat(declared.json().path("host").asText()).isEqualTo("TRIAGE-7");
        assertThat(none.json().path("host").asText()).isEqualTo("unknown");
    }

    @Test
    void actorsAreGatheredAcrossServersWithFirstAndLastSeen() {
        s.http.post("/api/v1/scans", s.agentA, SampleReports.json(SampleReports.report("1", "EXCH01", "compromised",
                List.of(), "2021-03-03T02:10:11Z", "104.248.49.97", "10.9.9.9")));
        s.http.post("/api/v1/scans", s.agentA, SampleReports.json(SampleReports.report("2", "EXCH02", "attempted",
                List.of(), "2021-03-05T08:00:00Z", "104.248.49.97")));
        JsonNode actors = s.http.get("/api/v1/actors", s.analystA).json().path("actors");
        assertThat(actors).hasSize(2);
        JsonNode top = actors.get(0);
        assertThat(top.path("address").asText()).isEqualTo("104.248.49.97");
        assertThat(top.path("servers")).extracting(JsonNode::asText).containsExactly("EXCH01", "EXCH02");
        assertThat(top.path("first").asText()).isEqualTo("2021-03-03T02:10:11Z");
        assertThat(top.path("last").asText()).isEqualTo("2021-03-05T08:00:00Z");
        assertThat(top.path("findings").asInt()).isEqualTo(2);
    }

    @Test
    void aChainWithoutAddressesFallsBackToItsActor() {
        var r = SampleReports.report("1", "EXCH01", "attempted", List.of(), "2021-03-03T02:10:11Z", "192.0.2.5");
        ((com.fasterxml.jackson.databind.node.ObjectNode) r.path("chains").get(0)).remove("addresses");
        s.http.post("/api/v1/scans", s.agentA, SampleReports.json(r));
        JsonNode actors = s.http.get("/api/v1/actors", s.analystA).json().path("actors");
        assertThat(actors.get(0).path("address").asText()).isEqualTo("192.0.2.5");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        JsonNode doc = s.http.get("/api/v1/openapi.json", s.analystA).json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/v1/scans")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/servers/{host}")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/actors")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/scans/{id}")).isTrue();
    }

    @Test
    void healthNeedsNoToken() {
        Http.Answer h = s.http.get("/api/v1/health", null);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().path("status").asText()).isEqualTo("ok");
    }
}
