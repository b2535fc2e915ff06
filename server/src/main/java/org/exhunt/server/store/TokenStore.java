package org.exhunt.server.store;

import java.time.Instant;
import java.util.Optional;
import org.exhunt.server.auth.Principal;
import org.exhunt.server.auth.Role;
import org.exhunt.server.auth.TokenSecrets;

/** Token hashes with their tenant and role. */
public final class TokenStore {

    private final Storage storage;

    public TokenStore(Storage storage) {
        this.storage = storage;
    }

    public void add(String tokenHash, String tenant, Role role, Instant created) {
        storage.write(h -> h.createUpdate(
                        "INSERT INTO tokens (hash, tenant, role, created_ms) VALUES (:hash, :tenant, :role, :created)")
                .bind("hash", tokenHash)
                .bind("tenant", tenant)
                .bind("role", role.word())
                .bind("created", created.toEpochMilli())
                .execute());
    }

    public Optional<Principal> find(String tokenHash) {
        return storage.read(h -> h.createQuery("SELECT tenant, role FROM tokens WHERE hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Principal(rs.getString("tenant"), Role.parse(rs.getString("role")),
                        TokenSecrets.idOf(tokenHash)))
                .findOne());
    }
}
