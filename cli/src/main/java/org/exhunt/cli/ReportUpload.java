package org.exhunt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Sends a report to the fleet server. When it cannot be delivered (server down, refused,
 * rejected) the report is kept on disk and the message says where, so it can be sent again with
 * {@code exhunt upload}: a scan is never lost to a network problem.
 */
final class ReportUpload {

    /**
     * @param delivered true when the server stored the report (now or before)
     * @param message   one line for the user: where to see it, or why it failed and where it was kept
     */
    record Outcome(boolean delivered, String message) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;

    ReportUpload() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    ReportUpload(HttpClient client) {
        this.client = client;
    }

    /**
     * @param server     the server's base URL, e.g. {@code https://fleet.example:8443}
     * @param keptAt     where the report already is on disk (the --json file), or null
     * @param keepDir    where to write the report when it is not on disk yet and the upload fails
     * @param host       the host name to file it under when the report names none, or null
     */
    Outcome send(byte[] report, URI server, String token, Path keptAt, Path keepDir, String host) {
        URI endpoint = endpoint(server, host);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                .build();
        HttpResponse<String> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return kept(report, keptAt, keepDir, "the fleet server at " + server + " did not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kept(report, keptAt, keepDir, "the upload was interrupted");
        }
        JsonNode body = parse(answer.body());
        int status = answer.statusCode();
        if (status == 200 || status == 201) {
            String page = base(server) + body.path("server_page").asText("/");
            return new Outcome(true, (status == 201 ? "Uploaded to " : "Already on ") + base(server) + " as scan "
                    + body.path("id").asText() + "; see " + page);
        }
        String why = body.path("error").asText(answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body());
        return kept(report, keptAt, keepDir, "the fleet server refused the report (HTTP " + status + "): " + why);
    }

    private static URI endpoint(URI server, String host) {
        String url = base(server) + "/api/v1/scans";
        if (host != null && !host.isBlank()) url += "?host=" + URLEncoder.encode(host, StandardCharsets.UTF_8);
        return URI.create(url);
    }

    private static String base(URI server) {
        String s = server.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Outcome kept(byte[] report, Path keptAt, Path keepDir, String why) {
        if (keptAt != null) {
            return new Outcome(false, why + "; the report is kept at " + keptAt
                    + "; send it again with: exhunt upload " + keptAt + " --to URL");
        }
        try {
            Files.createDirectories(keepDir);
            Path file = keepDir.resolve("exhunt-report-" + sha256(report).substring(0, 16) + ".json");
            Files.write(file, report);
            return new Outcome(false, why + "; the report is kept at " + file
                    + "; send it again with: exhunt upload " + file + " --to URL");
        } catch (IOException e) {
            return new Outcome(false, why + "; and the report could not be kept in " + keepDir + ": " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
