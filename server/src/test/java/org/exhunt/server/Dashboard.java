package org.exhunt.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Fetches dashboard pages as a browser would: signs in with the token, then sends the session cookie. */
final class Dashboard {

    private Dashboard() {
    }

    /** The page, or the sign-in form's own answer when the token gets no session (403 for an agent token). */
    static Http.Answer get(RunningServer s, String path, String token) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(s.server.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
        String cookie = login.headers().firstValue("Set-Cookie").orElse(null);
        if (login.statusCode() != 303 || cookie == null) return new Http.Answer(login.statusCode(), login.body());
        return withCookie(s, path, cookie.substring(0, cookie.indexOf(';')));
    }

    /** The page fetched with exactly this {@code Cookie} header. */
    static Http.Answer withCookie(RunningServer s, String path, String cookie) {
        HttpResponse<String> a = send(HttpRequest.newBuilder(s.server.uri().resolve(path)).header("Cookie", cookie).GET().build());
        return new Http.Answer(a.statusCode(), a.body());
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(r.method() + " " + r.uri() + " failed: " + e, e);
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
