package org.exhunt.hunt.exposure;

import java.nio.charset.StandardCharsets;

/**
 * The CU line in an OWA or ECP URL: Exchange serves its static files from a folder named after
 * the build ({@code /owa/auth/15.2.792/themes/...}, {@code /ecp/15.1.2242/scripts/...}). The folder
 * changes with each CU, not with each security update, so it tells the line only.
 *
 * <p>This runs on every web-log line: a prefix test on the raw bytes comes first and nothing is
 * allocated for the lines that fail it.
 */
public final class OwaPath {

    private static final byte[][] PREFIXES = {
            "/owa/auth/15.".getBytes(StandardCharsets.US_ASCII),
            "/owa/prem/15.".getBytes(StandardCharsets.US_ASCII),
            "/ecp/15.".getBytes(StandardCharsets.US_ASCII),
    };

    private OwaPath() {
    }

    /** The CU line named by a URL stem, or {@code null}. */
    public static ExchangeBuild line(String uriStem) {
        if (uriStem == null) return null;
        byte[] b = uriStem.getBytes(StandardCharsets.UTF_8);
        return line(b, 0, b.length);
    }

    /** The CU line named by the URL stem in {@code bytes[start, end)}, or {@code null}. */
    public static ExchangeBuild line(byte[] bytes, int start, int end) {
        int at = -1;
        for (byte[] p : PREFIXES) {
            if (startsWithIgnoreCase(bytes, start, end, p)) {
                at = start + p.length - 3;
                break;
            }
        }
        if (at < 0) return null;
        int stop = at;
        while (stop < end && stop - at < 24 && (bytes[stop] == '.' || (bytes[stop] >= '0' && bytes[stop] <= '9'))) stop++;
        // The version is a folder: something must follow it.
        if (stop >= end || bytes[stop] != '/') return null;
        ExchangeBuild b = ExchangeBuild.tryParse(new String(bytes, at, stop - at, StandardCharsets.US_ASCII));
        return b == null || b.minor() > 2 ? null : b.line();
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            int c = bytes[start + i];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != prefix[i]) return false;
        }
        return true;
    }
}
