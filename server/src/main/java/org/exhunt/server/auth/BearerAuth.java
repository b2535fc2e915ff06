package org.exhunt.server.auth;

import java.util.Optional;
import org.exhunt.server.store.TokenStore;

/** Turns an {@code Authorization: Bearer …} header (or a dashboard sign-in) into who is calling. */
public final class BearerAuth {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final TokenStore tokens;

    public BearerAuth(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** The caller named by an Authorization header; empty when the header is missing, malformed or unknown. */
    public Optional<Principal> fromHeader(String authorization) {
        if (authorization == null) return Optional.empty();
        String h = authorization.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return fromToken(h.substring(7).strip());
    }

    /** The caller whose token has this SHA-256 (hex), if the token is still known. */
    public Optional<Principal> fromTokenHash(String hash) {
        return hash == null ? Optional.empty() : tokens.find(hash);
    }

    public Optional<Principal> fromToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        return tokens.find(TokenSecrets.hash(token));
    }
}
