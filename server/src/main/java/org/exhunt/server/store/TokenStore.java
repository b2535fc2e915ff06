package org.exhunt.server.store;

import java.time.Instant;
import java.util.List;
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

    /** Every token's id, tenant, role and creation time (never the hash itself), oldest first. */
    public List<TokenInfo> list() {
        return storage.read(h -> h.createQuery("SELECT hash, tenant, role, created_ms FROM tokens ORDER BY created_ms, hash")
                .map((rs, ctx) -> new TokenInfo(TokenSecrets.idOf(rs.getString("hash")), rs.getString("tenant"),
                        Role.parse(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_ms"))))
                .list());
    }

    /** The full hashes that begin with {@code idPrefix} (lower-case hex). */
    public List<String> hashesStartingWith(String idPrefix) {
        return storage.read(h -> h.createQuery("SELECT hash FROM tokens WHERE substr(hash, 1, :n) = :prefix")
                .bind("n", idPrefix.length())
                .bind("prefix", idPrefix)
                .mapTo(String.class)
                .list());
    }

    /** Deletes one token; true when it existed. The next request carrying it gets 401. */
    public boolean remove(String tokenHash) {
        return storage.write(h -> h.createUpdate("DELETE FROM tokens WHERE hash = :hash")
                .bind("hash", tokenHash)
                .execute()) == 1;
    }
}
