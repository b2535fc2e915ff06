package org.exhunt.server.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.exhunt.server.ServerConfig;

/**
 * An HTTPS connector from a PEM certificate chain and a PEM PKCS#8 private key (what
 * {@code openssl} and ACME clients write), so no Java keystore has to be made by hand.
 */
public final class TlsConnector {

    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY_PASSWORD = "exhunt".toCharArray();

    private TlsConnector() {
    }

    public static Connector create(Server server, HttpConfiguration http, ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore(config.tlsCertificate(), config.tlsKey()));
        ssl.setKeyStorePassword(new String(IN_MEMORY_PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The server is often reached by address or an internal name the certificate may not list.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        return connector;
    }

    static KeyStore keyStore(Path certificateFile, Path keyFile) {
        try {
            Collection<? extends Certificate> chain;
            try (var in = Files.newInputStream(certificateFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) throw new IllegalArgumentException("no certificate in " + certificateFile);
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("exhunt", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use " + certificateFile + " with " + keyFile
                    + " for TLS: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        Matcher m = KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException(keyFile + " holds no unencrypted PKCS#8 key ('-----BEGIN PRIVATE KEY-----');"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD.key -out " + keyFile.getFileName());
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // the PEM does not say which algorithm; the first factory that reads it wins
            }
        }
        throw new IllegalArgumentException(keyFile + " holds a private key that is not RSA, EC or Ed25519");
    }
}
