package org.exhunt.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.exhunt.server.auth.Role;
import org.exhunt.server.auth.TokenSecrets;
import org.exhunt.server.store.Storage;
import org.exhunt.server.store.TokenInfo;
import org.exhunt.server.store.TokenStore;

/** Creates, lists and revokes bearer tokens in a server's store, for {@code exhunt token}. */
public final class Tokens {

    private Tokens() {
    }

    /**
     * Makes a new token for a tenant and role and stores its hash; the token itself is returned
     * once and kept nowhere. Works while the server runs (SQLite allows a second writer to wait).
     *
     * @param databaseUrl null for the SQLite file in {@code dataDir}, as the server uses it
     */
    public static String create(Path dataDir, String databaseUrl, String tenant, Role role) {
        if (tenant == null || tenant.isBlank()) throw new IllegalArgumentException("the tenant name is empty");
        if (tenant.length() > 200) throw new IllegalArgumentException("the tenant name is longer than 200 characters");
        String token = TokenSecrets.newToken();
        try (Storage storage = Storage.open(dataDir, databaseUrl)) {
            new TokenStore(storage).add(TokenSecrets.hash(token), tenant.strip(), role, Instant.now());
        }
        return token;
    }

    /** Every token the server accepts, oldest first, without anything secret. */
    public static List<TokenInfo> list(Path dataDir, String databaseUrl) {
        try (Storage storage = Storage.open(dataDir, databaseUrl)) {
            return new TokenStore(storage).list();
        }
    }

    /**
     * Removes one token so that the server refuses it from the next request on (it looks tokens up
     * on every request; nothing is cached). {@code idOrToken} is the token itself or its id as
     * {@code exhunt token list} and the request log show it — any unambiguous prefix of at least
     * 8 hex digits.
     *
     * @return what the removed token was
     * @throws IllegalArgumentException when nothing, or more than one token, matches
     */
    public static TokenInfo revoke(Path dataDir, String databaseUrl, String idOrToken) {
        String given = idOrToken == null ? "" : idOrToken.strip();
        try (Storage storage = Storage.open(dataDir, databaseUrl)) {
            TokenStore store = new TokenStore(storage);
            List<String> hashes;
            if (given.startsWith(TokenSecrets.PREFIX)) {
                hashes = store.hashesStartingWith(TokenSecrets.hash(given));
            } else {
                String id = given.toLowerCase(Locale.ROOT);
                if (!id.matches("[0-9a-f]{8,64}")) {
                    throw new IllegalArgumentException("'" + given + "' is neither a token (exh_…) nor a token id "
                            + "(8 to 64 hex digits, as 'exhunt token list' shows)");
                }
                hashes = store.hashesStartingWith(id);
            }
            if (hashes.isEmpty()) throw new IllegalArgumentException("no token matches '" + shown(given) + "'");
            if (hashes.size() > 1) {
                throw new IllegalArgumentException(hashes.size() + " tokens begin with '" + given
                        + "'; give more digits of the id");
            }
            String id = TokenSecrets.idOf(hashes.get(0));
            TokenInfo info = store.list().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
            store.remove(hashes.get(0));
            return info;
        }
    }

    /** A token is never echoed back whole, not even in an error. */
    private static String shown(String given) {
        return given.startsWith(TokenSecrets.PREFIX) ? TokenSecrets.PREFIX + "…" : given;
    }
}
