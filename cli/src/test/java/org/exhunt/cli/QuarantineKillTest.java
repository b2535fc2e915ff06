package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills quarantine and restore with SIGKILL at random moments, over and over, and checks after
 * every kill that nothing was lost: each evidence file is either in place with its original
 * bytes or verified in the quarantine and listed in a manifest that parses, never neither. The
 * next run recovers and continues; in the end everything is restored byte for byte. The seed is
 * printed; set {@code -Dexhunt.kill.seed=N} to replay a run's delays.
 */
class QuarantineKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_KILLS = 25;
    private static final int RESTORE_KILLS_PER_CYCLE = 5;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(90);
    /** 128 + 9: how Java reports a child that SIGKILL ended. */
    private static final int KILLED_BY_SIGKILL = 137;

    @TempDir
    Path tmp;

    private final Map<Path, String> originals = new LinkedHashMap<>();
    private Random random;
    private int kills;
    private int restoreKills;
    private int round;

    @Test
    void killedAtRandomPointsQuarantineAndRestoreLoseNothing() throws Exception {
        long seed = Long.getLong("exhunt.kill.seed", System.nanoTime());
        System.out.println("QuarantineKillTest seed " + seed + " (replay with -Dexhunt.kill.seed=" + seed + ")");
        random = new Random(seed);
        Path evidence = makeEvidence(tmp.resolve("evidence"), 120);
        Path report = writeReport(tmp.resolve("report.json"));
        long start = System.nanoTime();
        int cycle = 0;
        while (kills < MIN_KILLS || cycle == 0) {
            assertThat(System.nanoTime() - start).as("time for %d kills (seed %d, %d so far)", MIN_KILLS, seed, kills)
                    .isLessThan(3 * BUDGET_NANOS);
            Path dir = tmp.resolve("quarantine-" + cycle++);
            quarantineUntilDone(report, dir, evidence, seed);
            restoreUntilDone(dir, evidence, seed);
            if (System.nanoTime() - start > BUDGET_NANOS && kills >= MIN_KILLS) break;
        }
        System.out.println("QuarantineKillTest: " + kills + " kills during quarantine, " + restoreKills
                + " during restore, " + cycle + " cycles");
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(restoreKills).isPositive();
    }

    private void quarantineUntilDone(Path report, Path dir, Path evidence, long seed) throws Exception {
        // Each kill in a row allows a later one, so a run on a slow machine still gets to the end.
        for (int attempt = 0; ; attempt++) {
            boolean killed = runAndMaybeKill(400 + 300 * attempt, "quarantine", report.toString(), "--to", dir.toString(), "--remove");
            String where = "after quarantine round " + round + " (seed " + seed + ", " + (killed ? "killed" : "finished") + ")";
            JsonNode manifest = checkNothingLost(dir, where);
            if (killed) {
                kills++;
                continue;
            }
            for (Path p : originals.keySet()) assertThat(p).as(where).doesNotExist();
            assertThat(manifest.path("files")).as(where).hasSize(originals.size())
                    .allSatisfy(f -> assertThat(f.path("state").asText()).isEqualTo("removed"));
            return;
        }
    }

    private void restoreUntilDone(Path dir, Path evidence, long seed) throws Exception {
        // Fewer kills for restore: after a few, the run is let finish, to keep the test's time bounded.
        for (int attempt = 0; ; attempt++) {
            boolean killed = runAndMaybeKill(attempt < RESTORE_KILLS_PER_CYCLE ? 300 + 300 * attempt : -1,
                    "restore", dir.toString());
            String where = "after restore round " + round + " (seed " + seed + ", " + (killed ? "killed" : "finished") + ")";
            checkNothingLost(dir, where);
            for (Map.Entry<Path, String> e : originals.entrySet()) {
                if (Files.exists(e.getKey())) assertThat(sha256(e.getKey())).as(where + ": " + e.getKey()).isEqualTo(e.getValue());
            }
            if (killed) {
                restoreKills++;
                continue;
            }
            for (Map.Entry<Path, String> e : originals.entrySet()) {
                assertThat(e.getKey()).as(where).exists();
                assertThat(sha256(e.getKey())).as(where + ": " + e.getKey()).isEqualTo(e.getValue());
            }
            try (Stream<Path> s = Files.walk(evidence)) {
                assertThat(s.filter(Files::isRegularFile).count()).as(where + ": no temporary file left in the evidence")
                        .isEqualTo(originals.size());
            }
            return;
        }
    }

    /**
     * Runs the command in a child JVM and kills it after a random delay below {@code maxDelayMillis}
     * (a negative bound lets it finish); true when the kill landed.
     */
    private boolean runAndMaybeKill(int maxDelayMillis, String... args) throws Exception {
        round++;
        Path ready = tmp.resolve("ready-" + round);
        Path err = tmp.resolve("child-" + round + ".err");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dready=" + ready,
                "-cp", System.getProperty("java.class.path"), QuarantineChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ready) && p.isAlive()) {
            assertThat(System.nanoTime()).as("child start").isLessThan(deadline);
            Thread.sleep(2);
        }
        int delay = maxDelayMillis < 0 ? 600_000 : random.nextInt(maxDelayMillis);
        if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
            assertThat(p.exitValue()).as(Files.readString(err)).isZero();
            return false;
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() == 0) return false;
        assertThat(p.exitValue()).as("the child ended by SIGKILL; " + Files.readString(err)).isEqualTo(KILLED_BY_SIGKILL);
        return true;
    }

    /** The invariant: every file in place unchanged, or verified in the quarantine and listed; the manifest parses. */
    private JsonNode checkNothingLost(Path dir, String where) throws Exception {
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode manifest = Files.exists(manifestFile) ? JSON.readTree(manifestFile.toFile()) : JSON.createObjectNode();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (JsonNode f : manifest.path("files")) {
            String stored = f.path("stored").asText();
            Path copy = dir.resolve(stored);
            assertThat(copy).as(where + ": listed copy " + stored).exists();
            assertThat(sha256(copy)).as(where + ": listed copy " + stored).isEqualTo(f.path("sha256").asText());
            listed.put(f.path("original_path").asText() + "\u0000" + f.path("sha256").asText(), f);
        }
        for (Map.Entry<Path, String> e : originals.entrySet()) {
            boolean inPlace = Files.exists(e.getKey());
            if (inPlace) {
                assertThat(sha256(e.getKey())).as(where + ": " + e.getKey() + " changed").isEqualTo(e.getValue());
            } else {
                assertThat(listed).as(where + ": " + e.getKey() + " is neither in place nor in the quarantine")
                        .containsKey(e.getKey() + "\u0000" + e.getValue());
            }
        }
        return manifest;
    }

    private Path makeEvidence(Path root, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int size;
            if (i % 28 == 5) size = 2_000_000 + random.nextInt(6_000_000);
            else if (i % 7 == 3) size = 100_000 + random.nextInt(900_000);
            else size = random.nextInt(40_000);
            byte[] b = new byte[size];
            random.nextBytes(b);
            Path f = Files.createDirectories(root.resolve("site" + (i % 5)).resolve("folder" + (i % 3)))
                    .resolve("page-" + i + (i % 2 == 0 ? ".aspx" : ".exe"));
            Files.write(f, b);
            originals.put(f, sha256(f));
        }
        return root;
    }

    private Path writeReport(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("scan").putArray("inputs").add(tmp.resolve("evidence").toString());
        ArrayNode findings = root.putArray("findings");
        for (Path p : originals.keySet()) {
            ObjectNode f = findings.addObject();
            f.putObject("rule").put("id", "webshell-" + (p.hashCode() & 3)).put("title", "A web shell").put("level", "critical");
            f.put("engine", "yara");
            f.putObject("source").put("path", p.toString()).put("offset", 0);
        }
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
