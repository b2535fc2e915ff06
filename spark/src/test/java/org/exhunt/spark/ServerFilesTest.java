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

    @Test
    void anEvtxFileLargerThanTheLimitIsCutIntoChunkRangesCoveringEveryChunkOnce() {
        long chunk = 65536;
        long size = 4096 + 10 * chunk + 1000; // ten full chunks and a short eleventh
        ServerFiles server = new ServerFiles("/lake", "EXCH01",
                List.of(file("Security.evtx", size), file("u_ex210303.log", 3 * chunk)), size + 3 * chunk);

        List<ServerFiles.Slice> slices = server.slices(4 * chunk, f -> f.relative().endsWith(".evtx"));

        List<ServerFiles.LakeFile> ranges = slices.stream().flatMap(s -> s.files().stream())
                .filter(ServerFiles.LakeFile::isChunkRange).toList();
        assertThat(ranges).extracting(ServerFiles.LakeFile::firstChunk).containsExactly(0, 4, 8);
        assertThat(ranges).extracting(ServerFiles.LakeFile::chunkCount).containsExactly(4, 4, 3);
        assertThat(ranges.stream().mapToLong(ServerFiles.LakeFile::bytes).sum()).isEqualTo(size - 4096);
        assertThat(slices.stream().flatMap(s -> s.files().stream()).filter(f -> !f.isChunkRange()))
                .extracting(ServerFiles.LakeFile::relative).containsExactly("EXCH01/u_ex210303.log");
    }

    @Test
    void aLargeFileThatIsNotEvtxIsNotCut() {
        ServerFiles server = new ServerFiles("/lake", "EXCH01", List.of(file("Security.evtx", 1_000_000)), 1_000_000);

        List<ServerFiles.Slice> slices = server.slices(100_000, f -> false);

        assertThat(slices).hasSize(1);
        assertThat(slices.get(0).files().get(0).isChunkRange()).isFalse();
    }
}
