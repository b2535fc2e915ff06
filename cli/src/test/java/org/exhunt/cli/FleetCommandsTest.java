package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** exhunt serve, token create, upload and the upload client, run in-process. */
class FleetCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) { }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String token(Path data, String tenant, String role) {
        Run r = run(new TokenCommand(), "create", "--data", data.toString(), "--tenant", tenant, "--role", role);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("shown only now");
        return r.out().strip();
    }

    @Test
    void aScannedExampleUploadedToARunningServerIsListedForTheAnalyst() throws Exception {
        Path data = dir.resolve("data");
        String agent = token(data, "cert-a", "agent");
        String analyst = token(data, "cert-a", "analyst");
        assertThat(agent).startsWith("exh_").isNotEqualTo(analyst);

        Path report = dir.resolve("report.json");
        Cli.Run scan = Cli.run("scan", Cli.example("proxylogon-compromised").toString(), "--json", report.toString(), "-q");
        assertThat(scan.exit()).isEqualTo(Main.FINDINGS);

        ServeCommand serve = new ServeCommand();
        StringWriter serveOut = new StringWriter();
        CommandLine cl = new CommandLine(serve);
        cl.setOut(new PrintWriter(serveOut, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        Thread t = new Thread(() -> cl.execute("--data", data.toString(), "--port", "0"), "serve");
        t.start();
        try {
            URI base = awaitListening(serveOut);
            ReportUpload.Outcome up = new ReportUpload().send(Files.readAllBytes(report), base, agent, report, dir, "EXCH-LAB");
            assertThat(up.delivered()).as(up.message()).isTrue();
            assertThat(up.message()).startsWith("Uploaded to " + base).contains("/servers/");

            ReportUpload.Outcome again = new ReportUpload().send(Files.readAllBytes(report), base, agent, report, dir, "EXCH-LAB");
            assertThat(again.message()).startsWith("Already on");

            HttpResponse<String> servers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/servers"))
                    .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(servers.statusCode()).isEqualTo(200);
            assertThat(servers.body()).contains("\"verdict\":\"compromised\"");

            Run resend = run(new UploadCommand(), report.toString(), "--to", base.toString(), "--token", agent);
            assertThat(resend.exit()).isZero();
            assertThat(resend.out()).startsWith("Already on");

            Cli.Run scanAndSend = Cli.run("scan", Cli.example("proxyshell-compromised").toString(), "-q",
                    "--upload", base.toString(), "--token", agent);
            assertThat(scanAndSend.exit()).as(scanAndSend.err()).isEqualTo(Main.FINDINGS);
            assertThat(scanAndSend.out()).as("said even with -q").startsWith("Uploaded to " + base);
            HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/servers"))
                    .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.body()).as("filed under the host its evidence names").contains("EXCH19");
        } finally {
            serve.shutdown();
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(t.isAlive()).isFalse();
    }

    private static URI awaitListening(StringWriter out) throws InterruptedException {
        Pattern p = Pattern.compile("on (https?://[^/ ]+)/");
        for (int i = 0; i < 600; i++) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) return URI.create(m.group(1));
            Thread.sleep(100);
        }
        throw new AssertionError("exhunt serve did not report listening; it printed: " + out);
    }

    @Test
    void anUploadToAServerThatIsDownKeepsTheReportAndSaysWhere() throws Exception {
        byte[] report = "{\"scan\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path keep = dir.resolve("pending");
        ReportUpload.Outcome o = new ReportUpload().send(report, URI.create("http://127.0.0.1:1"), "exh_x", null, keep, null);
        assertThat(o.delivered()).isFalse();
        assertThat(o.message()).contains("did not answer").contains("kept at " + keep);
        try (var files = Files.list(keep)) {
            Path kept = files.findFirst().orElseThrow();
            assertThat(Files.readAllBytes(kept)).isEqualTo(report);
            assertThat(o.message()).contains(kept.toString());
        }
    }

    @Test
    void aScanWhoseUploadFailsStillExitsOnItsFindingsAndSaysWhereTheReportIs() throws Exception {
        Path report = dir.resolve("r.json");
        Cli.Run r = Cli.run("scan", Cli.example("owassrf-attempted").toString(), "-q", "--json", report.toString(),
                "--upload", "http://127.0.0.1:1", "--token", "exh_x");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("did not answer").contains("kept at " + report);
        assertThat(report).exists();
    }

    @Test
    void aScanAskedToUploadWithoutATokenIsAUsageError() {
        Cli.Run r = Cli.run("scan", Cli.example("owassrf-attempted").toString(), "-q", "--upload", "http://127.0.0.1:1",
                "--token", "");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--upload needs an agent token");
    }

    @Test
    void anUploadWhoseReportIsAlreadyOnDiskPointsToThatFile() {
        Path already = dir.resolve("r.json");
        ReportUpload.Outcome o = new ReportUpload().send(new byte[] {'{', '}'}, URI.create("http://127.0.0.1:1"), "exh_x",
                already, dir.resolve("unused"), null);
        assertThat(o.message()).contains("kept at " + already);
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void serveHelpExplainsAFirstDeployment() {
        Run r = run(new ServeCommand(), "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("First deployment").contains("token create").contains("--upload")
                .contains("--tls-cert").contains("127.0.0.1");
    }

    @Test
    void aTokenWithAnUnknownRoleIsRefused() {
        Run r = run(new TokenCommand(), "create", "--data", dir.toString(), "--tenant", "t", "--role", "admin");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("agent or analyst");
    }

    @Test
    void uploadSizesAreReadWithUnits() {
        assertThat(ServeCommand.size("500K")).isEqualTo(500 * 1024);
        assertThat(ServeCommand.size("64m")).isEqualTo(64L * 1024 * 1024);
        assertThat(ServeCommand.size("2048")).isEqualTo(2048);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServeCommand.size("lots"))
                .hasMessageContaining("--max-upload");
    }
}
