package org.exhunt.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exhunt upload}: sends a report written earlier (--json, or kept after a failed upload). */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Sends a JSON report to the fleet server, e.g. one kept when the server was down.",
                "Sending the same report twice stores it once."})
final class UploadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPORT", description = "A report written by 'exhunt scan --json'.")
    Path report;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "The fleet server, e.g. https://fleet.example:8443")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:EXHUNT_TOKEN}",
            description = "An agent token (default: the EXHUNT_TOKEN environment variable, which keeps it out of the process list).")
    String token;

    @Option(names = "--host", paramLabel = "NAME", description = "The server's host name, when the report does not name it.")
    String host;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (token == null || token.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no token: give --token or set EXHUNT_TOKEN");
        }
        if (!Files.isRegularFile(report)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such report: " + report);
        }
        ReportUpload.Outcome o = new ReportUpload().send(Files.readAllBytes(report), server, token, report, null, host);
        if (o.delivered()) {
            spec.commandLine().getOut().println(o.message());
            return Main.OK;
        }
        spec.commandLine().getErr().println("exhunt: " + o.message());
        return Main.ERROR;
    }
}
