package org.exhunt.hunt.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium run headless on a local file: the page's DOM after its scripts ran, what the
 * browser logged (console messages, script errors, policy violations), or a screenshot. Used by
 * the report's browser test and to make the screenshot in docs/.
 */
final class HeadlessChromium {

    /** Where Debian puts it; {@code -Dexhunt.chromium=PATH} names another. */
    static final String DEFAULT = "/usr/bin/chromium";
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed. */
    record Run(String stdout, String log) {
    }

    private final Path binary;
    private final Path work;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /**
     * The browser, with a profile folder of its own under {@code work}.
     *
     * @throws AssertionError naming how to install it when it is missing
     */
    static HeadlessChromium in(Path work) {
        Path binary = Path.of(System.getProperty("exhunt.chromium", DEFAULT));
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("Chromium is needed to test the HTML report in a browser and was not found at "
                    + binary + ": install Debian chromium (apt-get install -y chromium) or set -Dexhunt.chromium=PATH");
        }
        return new HeadlessChromium(binary, work);
    }

    /** The page's DOM after load (scripts included), with what the browser logged. */
    Run dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** A PNG of the page's top {@code width}×{@code height} pixels. */
    Run screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), url));
    }

    private Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--enable-logging=stderr", "--v=0", "--no-first-run",
                "--user-data-dir=" + work.resolve("profile").toAbsolutePath()));
        command.addAll(args);
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".log");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command
                    + "\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": " + command + "\n" + log);
        }
        return new Run(stdout, log);
    }
}
