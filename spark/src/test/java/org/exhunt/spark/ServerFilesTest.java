package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFilesTest {

    private static ServerFiles.LakeFile file(String name, long bytes) {
        return new ServerFiles.LakeFile("file:/lake/EXCH01/" + name, "EXCH01/" + name, bytes);
    }

    @Test
    void slicesKeepEveryFileOnceInOrderAndStayNearTheLimit() {
        List<ServerFiles.LakeFile> files = List.of(file("a", 40), file("b", 40), file("c", 40), file("d", 10));
        ServerFiles server = new ServerFiles("/lake", "EXCH01", files, 130);

        List<ServerFiles.Slice> slices = server.slices(80);

        assertThat(slices).extracting(s -> s.files().stream().map(ServerFiles.LakeFile::relative).toList())
                .containsExactly(List.of("EXCH01/a", "EXCH01/b"), List.of("EXCH01/c", "EXCH01/d"));
        assertThat(slices).allSatisfy(s -> assertThat(s.server()).isEqualTo(server.key()));
    }

    @Test
    void aFileLargerThanTheLimitIsASliceOfItsOwn() {
        ServerFiles server = new ServerFiles("/lake", "EXCH01",
                List.of(file("small", 5), file("huge", 1000), file("tail", 5)), 1010);

        assertThat(server.slices(100)).extracting(s -> s.files().size()).containsExactly(1, 1, 1);
    }

    @Test
    void aServerWithoutFilesStillGetsOneSliceSoItIsJudged() {
        ServerFiles server = new ServerFiles("/lake", "EMPTY", List.of(), 0);

        assertThat(server.slices(100)).hasSize(1);
        assertThat(server.key().evidence()).isEqualTo("/lake/EMPTY");
    }
}
