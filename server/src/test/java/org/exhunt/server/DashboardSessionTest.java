package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.exhunt.server.auth.TokenSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's cookie is a session id: never the token, ended by sign-out or by revoking the token. */
class DashboardSessionTest {

    @TempDir
    Path data;

    private static String signIn(RunningServer s, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.server.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=43200");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void theCookieHoldsASessionIdThatIsNeitherTheTokenNorItsHash() throws Exception {
        try (RunningServer s = RunningServer.sqlite(data)) {
            String cookie = signIn(s, s.analystA);

            assertThat(cookie).startsWith("exhunt_session=").doesNotContain(s.analystA)
                    .doesNotContain(TokenSecrets.hash(s.analystA).substring(0, 12));
            assertThat(Dashboard.withCookie(s, "/", cookie).status()).isEqualTo(200);
            assertThat(Dashboard.withCookie(s, "/", "exhunt_session=" + s.analystA).status())
                    .as("the token itself in the cookie opens nothing").isEqualTo(303);
            assertThat(Dashboard.withCookie(s, "/", "exhunt_token=" + s.analystA).status())
                    .as("nor under the old cookie name").isEqualTo(303);
        }
    }

    @Test
    void revokingTheTokenEndsItsOpenSessionsAtOnce() throws Exception {
        try (RunningServer s = RunningServer.sqlite(data)) {
            String cookie = signIn(s, s.analystA);
            assertThat(Dashboard.withCookie(s, "/", cookie).status()).isEqualTo(200);

            Tokens.revoke(data, null, s.analystA);

            assertThat(Dashboard.withCookie(s, "/", cookie).status()).isEqualTo(303);
        }
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() throws Exception {
        try (RunningServer s = RunningServer.sqlite(data)) {
            String cookie = signIn(s, s.analystA);
            HttpResponse<String> out = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.server.uri().resolve("/logout"))
                    .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(303);

            assertThat(Dashboard.withCookie(s, "/", cookie).status()).as("a copy of the cookie kept elsewhere").isEqualTo(303);
        }
    }
}
