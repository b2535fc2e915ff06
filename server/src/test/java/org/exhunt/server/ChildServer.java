package org.exhunt.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet server in a child JVM, so a test can kill it with SIGKILL. {@link #main} starts it
 * and prints {@code LISTENING <port>}.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuffer output;

    private ChildServer(Process process, int port, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        String db = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        FleetServer server = FleetServer.start(ServerConfig.defaults(data).withBind(ServerConfig.LOOPBACK, 0).withDatabase(db));
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    public static ChildServer start(Path data, String dbUrl) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.exhunt.access=info", ChildServer.class.getName(), data.toString(),
                dbUrl == null ? "-" : dbUrl));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.startsWith("LISTENING ")) {
                int port = Integer.parseInt(line.substring(10).trim());
                Thread drain = new Thread(() -> out.lines().forEach(l -> seen.append(l).append('\n')),
                        "child-server-output");
                drain.setDaemon(true);
                drain.start();
                return new ChildServer(p, port, seen);
            }
            seen.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new AssertionError("the child server did not start; it printed:\n" + seen);
    }

    /** What the server printed so far (its logs). */
    public String output() {
        return output.toString();
    }

    public int port() {
        return port;
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the child server did not die");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
