package org.exhunt.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches dashboard pages as a signed-in browser would (the token in the session cookie). */
final class Dashboard {

    private Dashboard() {
    }

    static Http.Answer get(RunningServer s, String path, String token) {
        URI uri = s.server.uri().resolve(path);
        HttpRequest r = HttpRequest.newBuilder(uri).header("Cookie", "exhunt_token=" + token).GET().build();
        try {
            HttpResponse<String> a = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(a.statusCode(), a.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String fleetPage(RunningServer s, String token) {
        Http.Answer a = get(s, "/", token);
        if (a.status() != 200) throw new AssertionError("fleet page answered " + a.status() + ": " + a.body());
        return a.body();
    }
}
