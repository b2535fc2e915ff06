package org.exhunt.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes bearer tokens. A token is 32 random bytes (base64url) after the prefix
 * {@code exh_}; only its SHA-256 is stored. A plain hash, not a slow password hash, is enough:
 * the secret has 256 bits of entropy, so there is nothing to guess from the hash.
 */
public final class TokenSecrets {

    /** Every token begins with this, so a token pasted where an id is expected is recognised. */
    public static final String PREFIX = "exh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The first 12 hex digits of the hash: names a token in logs without revealing it. */
    public static String idOf(String hash) {
        return hash.substring(0, 12);
    }
}
