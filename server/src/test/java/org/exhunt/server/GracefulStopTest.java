package org.exhunt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.exhunt.server.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop lets an upload already under way finish and be stored before the database closes. */
class GracefulStopTest {

    @TempDir
    Path data;

    @Test
    void anUploadInFlightWhenTheServerStopsIsStillAnsweredAndStored() throws Exception {
        String agent = Tokens.create(data, null, "t", Role.AGENT);
        String analyst = Tokens.create(data, null, "t", Role.ANALYST);
        FleetServer server = FleetServer.start(ServerConfig.defaults(data).withBind(ServerConfig.LOOPBACK, 0));
        byte[] body = SampleReports.compromised("slow-1", "EXCH-SLOW", "10.1.1.1").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> stopping;
        String statusLine;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/scans HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + agent
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.requestsRunning() == 0) { // wait until the handler is reading the body
                assertThat(System.nanoTime()).as("the upload reaches its handler").isLessThan(deadline);
                Thread.sleep(20);
            }

            stopping = CompletableFuture.runAsync(server::stop);
            Thread.sleep(500);
            assertThat(stopping).as("stop waits for the upload in flight").isNotDone();

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(statusLine).startsWith("HTTP/1.1 201");

        try (FleetServer again = FleetServer.start(ServerConfig.defaults(data).withBind(ServerConfig.LOOPBACK, 0))) {
            Http.Answer servers = new Http(again.uri()).get("/api/v1/servers", analyst);
            assertThat(servers.json().path("servers").get(0).path("host").asText()).isEqualTo("EXCH-SLOW");
        }
    }
}
