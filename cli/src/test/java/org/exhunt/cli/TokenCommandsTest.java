package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exhunt token create, list and revoke against one data folder. */
class TokenCommandsTest {

    @TempDir
    Path data;

    private FleetCommandsTest.Run token(String... args) {
        return FleetCommandsTest.run(new TokenCommand(), args);
    }

    @Test
    void aCreatedTokenIsListedByIdAndGoneOnceRevoked() {
        String d = data.toString();
        FleetCommandsTest.Run created = token("create", "--data", d, "--tenant", "cert-a", "--role", "agent");
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = created.out().strip();

        FleetCommandsTest.Run list = token("list", "--data", d);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("ID").contains("agent").contains("cert-a").doesNotContain(secret);
        String id = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(id).matches("[0-9a-f]{12}");

        FleetCommandsTest.Run revoked = token("revoke", "--data", d, id);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.err()).contains("Revoked agent token " + id).contains("cert-a");

        assertThat(token("list", "--data", d).err()).contains("No tokens yet");
        FleetCommandsTest.Run again = token("revoke", "--data", d, id);
        assertThat(again.exit()).isEqualTo(Main.ERROR);
        assertThat(again.err()).contains("no token matches '" + id + "'");
    }

    @Test
    void revokeWithoutAnIdOrTokenIsAUsageError() {
        FleetCommandsTest.Run r = token("revoke", "--data", data.toString(), "");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("name the token to revoke");
    }
}
