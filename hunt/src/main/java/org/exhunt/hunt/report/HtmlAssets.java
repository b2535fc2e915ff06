package org.exhunt.hunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet and the filter script inlined into every HTML report, with the hashes its
 * Content-Security-Policy allows them by: the page runs no script and applies no style but these
 * two, whatever text from the evidence might slip into it.
 */
final class HtmlAssets {

    static final String CSS = load("report.css");
    static final String SCRIPT = load("report.js");

    private HtmlAssets() {
    }

    /** The page's policy: nothing from any network, only the inlined style and script. */
    static String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(SCRIPT)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("HTML report resource " + name
                        + " is missing from the classpath next to " + HtmlAssets.class.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Inlined as is: a closing tag inside would end the element early.
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</" + (name.endsWith(".js") ? "script" : "style"))) {
                throw new IllegalStateException("HTML report resource " + name + " holds its own closing tag");
            }
            return text;
        } catch (IOException ex) {
            throw new UncheckedIOException("reading the HTML report resource " + name, ex);
        }
    }
}
