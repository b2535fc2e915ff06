package org.exhunt.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void tokensAreUniqueUrlSafeAndCarryThePrefix() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = TokenSecrets.newToken();
            assertThat(t).startsWith("exh_").matches("exh_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(t)).isTrue();
        }
    }

    @Test
    void theStoredHashIsSha256HexAndNotTheToken() {
        String t = TokenSecrets.newToken();
        String h = TokenSecrets.hash(t);
        assertThat(h).matches("[0-9a-f]{64}").doesNotContain(t.substring(4));
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenSecrets.idOf(h)).hasSize(12).isEqualTo(h.substring(0, 12));
    }

    @Test
    void roleWordsAreReadInAnyCaseAndOthersRefused() {
        assertThat(Role.parse("Agent")).isEqualTo(Role.AGENT);
        assertThat(Role.parse(" analyst ")).isEqualTo(Role.ANALYST);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Role.parse("admin"))
                .hasMessageContaining("agent or analyst");
    }
}
