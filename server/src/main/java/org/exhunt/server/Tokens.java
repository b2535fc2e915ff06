package org.exhunt.server;

import java.nio.file.Path;
import java.time.Instant;
import org.exhunt.server.auth.Role;
import org.exhunt.server.auth.TokenSecrets;
import org.exhunt.server.store.Storage;
import org.exhunt.server.store.TokenStore;

/** Creates bearer tokens in a server's store, for {@code exhunt token create}. */
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
}
