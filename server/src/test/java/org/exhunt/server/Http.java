package org.exhunt.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for tests: bearer token or none, JSON bodies. */
public final class Http {

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return SampleReports.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public Answer get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    public Answer post(String path, String token, String json) {
        return postBytes(path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    public Answer postBytes(String path, String token, byte[] body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer send(String method, String path, String token, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(builder(path, token).header("Content-Type", "application/json").method(method, body).build());
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
