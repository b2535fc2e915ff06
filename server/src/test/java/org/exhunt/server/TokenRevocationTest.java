package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.exhunt.server.auth.Role;
import org.exhunt.server.auth.TokenSecrets;
import org.exhunt.server.store.TokenInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revoked token is refused by a running server from its next request on; listing shows nothing secret. */
class TokenRevocationTest {

    @TempDir
    Path data;

    @Test
    void aTokenRevokedByItsIdIsRefusedByTheRunningServerWhileOthersStillWork() {
        try (RunningServer s = RunningServer.sqlite(data)) {
            assertThat(s.http.get("/api/v1/servers", s.analystA).status()).isEqualTo(200);
            String id = TokenSecrets.idOf(TokenSecrets.hash(s.analystA));

            TokenInfo gone = Tokens.revoke(data, null, id.substring(0, 8).toUpperCase());

            assertThat(gone.id()).isEqualTo(id);
            assertThat(gone.tenant()).isEqualTo("tenant-a");
            assertThat(gone.role()).isEqualTo(Role.ANALYST);
            assertThat(s.http.get("/api/v1/servers", s.analystA).status()).as("revoked").isEqualTo(401);
            assertThat(s.http.get("/api/v1/servers", s.analystB).status()).as("another token").isEqualTo(200);
        }
    }

    @Test
    void aTokenCanBeRevokedByGivingTheTokenItself() {
        String agent = Tokens.create(data, null, "cert-a", Role.AGENT);
        String other = Tokens.create(data, null, "cert-a", Role.AGENT);

        Tokens.revoke(data, null, agent);

        assertThat(Tokens.list(data, null)).extracting(TokenInfo::id)
                .containsExactly(TokenSecrets.idOf(TokenSecrets.hash(other)));
    }

    @Test
    void theListNamesTokensByIdTenantAndRoleAndHoldsNeitherTokenNorHash() {
        String agent = Tokens.create(data, null, "cert-a", Role.AGENT);
        String analyst = Tokens.create(data, null, "cert-b", Role.ANALYST);

        List<TokenInfo> tokens = Tokens.list(data, null);

        assertThat(tokens).extracting(TokenInfo::tenant).containsExactlyInAnyOrder("cert-a", "cert-b");
        assertThat(tokens).allSatisfy(t -> {
            assertThat(t.id()).hasSize(12);
            assertThat(t.toString()).doesNotContain(agent, analyst, TokenSecrets.hash(agent), TokenSecrets.hash(analyst));
        });
    }

    @Test
    void anUnknownOrMalformedOrTooShortIdIsRefusedAndRemovesNothing() {
        String agent = Tokens.create(data, null, "cert-a", Role.AGENT);
        String id = TokenSecrets.idOf(TokenSecrets.hash(agent));
        String wrong = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1);

        assertThatThrownBy(() -> Tokens.revoke(data, null, wrong)).hasMessageContaining("no token matches");
        assertThatThrownBy(() -> Tokens.revoke(data, null, id.substring(0, 7))).hasMessageContaining("8 to 64 hex digits");
        assertThatThrownBy(() -> Tokens.revoke(data, null, "'; DELETE FROM tokens; --")).hasMessageContaining("neither a token");
        assertThatThrownBy(() -> Tokens.revoke(data, null, "exh_not-a-real-token"))
                .hasMessageContaining("no token matches").hasMessageNotContaining("not-a-real-token");

        assertThat(Tokens.list(data, null)).hasSize(1);
    }

    @Test
    void thePrefixLookupReturnsEveryTokenSharingTheDigitsSoAnAmbiguousIdIsCaught() {
        // Two random tokens sharing 8 hex digits cannot be made on purpose; the lookup revoke relies on
        // is checked instead, with the empty prefix every hash shares.
        String a = Tokens.create(data, null, "cert-a", Role.AGENT);
        String b = Tokens.create(data, null, "cert-a", Role.AGENT);
        try (org.exhunt.server.store.Storage storage = org.exhunt.server.store.Storage.open(data, null)) {
            var store = new org.exhunt.server.store.TokenStore(storage);
            assertThat(store.hashesStartingWith("")).containsExactlyInAnyOrder(TokenSecrets.hash(a), TokenSecrets.hash(b));
            assertThat(store.hashesStartingWith(TokenSecrets.idOf(TokenSecrets.hash(a)))).containsExactly(TokenSecrets.hash(a));
        }
    }
}
