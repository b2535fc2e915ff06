package org.exhunt.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the fleet server.
 *
 * @param dataDir           the data folder: the SQLite file lives here (unless {@code databaseUrl} names PostgreSQL)
 * @param bindAddress       the address to listen on; loopback unless told otherwise
 * @param port              the TCP port; 0 picks a free one (tests)
 * @param databaseUrl       a {@code jdbc:postgresql:} URL, or null for SQLite in the data folder
 * @param tlsCertificate    a PEM certificate chain; with {@code tlsKey}, the server speaks HTTPS only
 * @param tlsKey            the PEM private key (PKCS#8, unencrypted) of the certificate
 * @param maxUploadBytes    the largest report accepted; bigger uploads get 413
 * @param requestsPerSecond the sustained requests per second allowed to one token (429 beyond)
 * @param burst             how many requests one token may send at once before the rate applies
 */
public record ServerConfig(Path dataDir, String bindAddress, int port, String databaseUrl, Path tlsCertificate,
                           Path tlsKey, long maxUploadBytes, double requestsPerSecond, int burst) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8443;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final int DEFAULT_BURST = 100;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate (--tls-cert) and its key (--tls-key)");
        }
        if (maxUploadBytes < 1024) throw new IllegalArgumentException("the upload limit must be at least 1024 bytes");
        if (!(requestsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("the rate limit must be positive (requests per second and burst)");
        }
    }

    /** Loopback, the default port, SQLite in {@code dataDir}, no TLS, default limits. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, LOOPBACK, DEFAULT_PORT, null, null, null, DEFAULT_MAX_UPLOAD_BYTES,
                DEFAULT_REQUESTS_PER_SECOND, DEFAULT_BURST);
    }

    public ServerConfig withBind(String address, int newPort) {
        return new ServerConfig(dataDir, address, newPort, databaseUrl, tlsCertificate, tlsKey, maxUploadBytes,
                requestsPerSecond, burst);
    }

    public ServerConfig withDatabase(String url) {
        return new ServerConfig(dataDir, bindAddress, port, url, tlsCertificate, tlsKey, maxUploadBytes,
                requestsPerSecond, burst);
    }

    public ServerConfig withTls(Path certificate, Path key) {
        return new ServerConfig(dataDir, bindAddress, port, databaseUrl, certificate, key, maxUploadBytes,
                requestsPerSecond, burst);
    }

    public ServerConfig withLimits(long uploadBytes, double perSecond, int newBurst) {
        return new ServerConfig(dataDir, bindAddress, port, databaseUrl, tlsCertificate, tlsKey, uploadBytes,
                perSecond, newBurst);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }
}
