package org.exhunt.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.hunt.exposure.Assessment;
import org.exhunt.hunt.exposure.BuildRow;
import org.exhunt.hunt.exposure.BuildTable;
import org.exhunt.hunt.exposure.Chains;
import org.exhunt.hunt.exposure.ExchangeBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = {"Tells which CVEs of the four Exchange chains are still open on a build, and which build closes them.",
                "The chains are ProxyLogon, ProxyShell, ProxyNotShell and OWASSRF; the facts come from the built-in",
                "table rules/exchange-builds.csv."},
        footer = {"", "Exit codes: 0 none open, 1 some open, 2 a build that cannot be read or is not in the table."})
final class ExposureCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUILD", description = "A build number: 15.2.792.10, 15.02.0792.010, or 15.2.792 for a CU line.")
    String build;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the answer as JSON ('-' for standard output).")
    Path json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExchangeBuild b = ExchangeBuild.tryParse(build);
        if (b == null) {
            err.println("exhunt exposure: '" + build + "' is not an Exchange build number"
                    + " (expected e.g. 15.2.792.10, 15.02.0792.010 or 15.2.792)");
            err.flush();
            return Main.ERROR;
        }
        Assessment a = BuildTable.builtIn().assess(b);
        if (json != null) writeJson(a, out);
        if (json == null || !json.toString().equals("-")) print(a, out);
        out.flush();
        if (!a.standing().known()) {
            err.println("exhunt exposure: " + b + " is " + unknownReason(a));
            err.flush();
            return Main.ERROR;
        }
        return a.open().isEmpty() ? Main.OK : Main.FINDINGS;
    }

    private static String unknownReason(Assessment a) {
        return switch (a.standing()) {
            case UNKNOWN_PRODUCT -> "not a build of Exchange Server 2013, 2016 or 2019 (15.0, 15.1, 15.2); the table covers only those";
            case NEWER_THAN_TABLE -> "newer than every build in the table; a later CU carries every fix listed, but the table cannot confirm it";
            default -> "on no CU line of the table (a preview or pre-release build, or a mistyped number)";
        };
    }

    private static void print(Assessment a, PrintWriter out) {
        out.println("Build:   " + a.build() + "  " + a.name());
        if (a.row() != null) out.println("Line:    " + a.row().cu() + " (" + a.row().build().line() + ".x)");
        if (!a.standing().known()) return;
        if (a.open().isEmpty()) {
            out.println("Open:    none of the " + "ProxyLogon, ProxyShell, ProxyNotShell or OWASSRF CVEs");
        } else {
            out.println("Open:    " + a.open().size() + " CVE" + (a.open().size() == 1 ? "" : "s"));
            for (String cve : a.open()) out.println("         " + cve + "  " + String.join(", ", Chains.of(cve)));
        }
        if (!a.uncertain().isEmpty()) {
            out.println("Maybe:   open unless an update of " + a.row().cu() + " is installed (the CU line alone does not tell):");
            for (String cve : a.uncertain()) out.println("         " + cve + "  " + String.join(", ", Chains.of(cve)));
        }
        if (!a.open().isEmpty() || !a.uncertain().isEmpty()) {
            if (a.lineFix() != null) out.println("Fix:     " + a.lineFix().name() + " (" + a.lineFix().build() + ") closes them on this CU");
            else out.println("Fix:     no update of this CU closes them all; install a newer CU");
            out.println("Newest:  " + a.newest().name() + " (" + a.newest().build() + ", " + a.newest().released() + ")");
        }
    }

    private void writeJson(Assessment a, PrintWriter out) throws IOException {
        boolean stdout = json.toString().equals("-");
        OutputStream stream = stdout ? new java.io.ByteArrayOutputStream() : Files.newOutputStream(json);
        try (JsonGenerator g = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("build", a.build().toString());
            g.writeStringField("product", a.product() == null ? null : "Exchange Server " + a.product());
            g.writeStringField("name", a.name());
            g.writeStringField("standing", a.standing().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeBooleanField("known", a.standing().known());
            cves(g, "open", a.open());
            cves(g, "uncertain", a.uncertain());
            row(g, "lineFix", a.lineFix());
            row(g, "newest", a.newest());
            g.writeEndObject();
        }
        if (stdout) {
            out.println(((java.io.ByteArrayOutputStream) stream).toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static void cves(JsonGenerator g, String field, List<String> cves) throws IOException {
        g.writeArrayFieldStart(field);
        for (String cve : cves) {
            g.writeStartObject();
            g.writeStringField("cve", cve);
            g.writeArrayFieldStart("chains");
            for (String chain : Chains.of(cve)) g.writeString(chain);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void row(JsonGenerator g, String field, BuildRow row) throws IOException {
        if (row == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("name", row.name());
        g.writeStringField("build", row.build().toString());
        g.writeStringField("released", row.released().toString());
        g.writeEndObject();
    }
}
