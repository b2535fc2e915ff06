package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code exhunt scan DIR --json REPORT} in-process and gives the parsed report.
 * The command's entry point is package-private to the CLI package, so it is reached reflectively:
 * these cases live in a package of their own so they stay apart from the command's own tests.
 */
final class Exhunt {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Scan(int exit, String out, String err, JsonNode report) {

        String verdict() {
            return report.at("/verdict/value").asText();
        }

        List<String> tags() {
            List<String> tags = new ArrayList<>();
            report.get("findings").forEach(f -> f.at("/rule/tags").forEach(t -> tags.add(t.asText())));
            return tags;
        }

        List<String> levels() {
            List<String> levels = new ArrayList<>();
            report.get("findings").forEach(f -> levels.add(f.at("/rule/level").asText()));
            return levels;
        }

        /** Findings above low, each as "level title", for messages that show what went wrong. */
        List<String> aboveLow() {
            List<String> found = new ArrayList<>();
            report.get("findings").forEach(f -> {
                String level = f.at("/rule/level").asText();
                if (!level.equals("informational") && !level.equals("low")) {
                    found.add(level + " " + f.at("/rule/title").asText() + " " + f.toString());
                }
            });
            return found;
        }

        String describe() {
            return "exit=" + exit + "\nout:\n" + out + "\nerr:\n" + err + "\nreport:\n" + report.toPrettyString();
        }

        Scan expect(String verdict, int exitCode) {
            assertThat(verdict()).as(describe()).isEqualTo(verdict);
            assertThat(exit).as(describe()).isEqualTo(exitCode);
            return this;
        }
    }

    private Exhunt() {
    }

    static Scan scan(Path evidence, Path workDir, String... extra) {
        try {
            Path report = Files.createTempFile(workDir, "report", ".json");
            List<String> args = new ArrayList<>(List.of("scan", evidence.toString(), "--json", report.toString()));
            args.addAll(List.of(extra));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // A reader that loops forever on some layout must fail the case, not stall the build.
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)),
                    "scan of " + evidence + " did not finish");
            String text = Files.readString(report);
            assertThat(text).as("no JSON report written; exit=%d err=%s", exit, err).isNotBlank();
            return new Scan(exit, out.toString(), err.toString(), JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(PrintWriter out, PrintWriter err, String[] args) {
        try {
            Class<?> main = Class.forName("org.exhunt.cli.Main");
            Method run = main.getDeclaredMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
            run.setAccessible(true);
            return (int) run.invoke(null, out, err, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call org.exhunt.cli.Main.run", e);
        }
    }
}
