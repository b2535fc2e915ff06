package org.exhunt.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.exhunt.server.FleetServer;
import org.exhunt.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files, as openssl or an ACME client writes them; plain HTTP is then not served. */
class TlsTest {

    @TempDir
    Path dir;

    /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool and written out as PEM. */
    private KeyStore selfSigned(Path cert, Path key) throws Exception {
        Path p12 = dir.resolve("k.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "k",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "secret".toCharArray());
        }
        Certificate c = ks.getCertificate("k");
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(ks.getKey("k", "secret".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", c);
        return trust;
    }

    @Test
    void theServerSpeaksHttpsWithPemFilesAndNotPlainHttp() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        KeyStore trust = selfSigned(cert, key);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        ServerConfig config = ServerConfig.defaults(dir.resolve("data")).withBind(ServerConfig.LOOPBACK, 0).withTls(cert, key);
        try (FleetServer server = FleetServer.start(config)) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            assertThat(server.port()).isPositive();
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();

            URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aKeyFileWithoutAPkcs8KeySaysHowToConvertIt() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TlsConnector.keyStore(cert, key)).hasMessageContaining("openssl pkcs8 -topk8");
    }
}
