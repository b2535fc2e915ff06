package org.exhunt.hunt.exposure;

import java.util.Locale;

/**
 * Recognises an evidence file that states the Exchange build: a registry export of the Setup key
 * or ExSetup's version as PowerShell prints it. Decided from content, never from the file name.
 */
public final class BuildInfoFile {

    /** The coverage kind such files are reported under. */
    public static final String KIND = "exchange-build-info";

    /** Larger files are not such exports; a registry export of the whole Exchange key stays well below. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * What was found in a file.
     *
     * @param clue    the build found, or {@code null}
     * @param problem why a file that is clearly build information could not be read, or {@code null}
     */
    public record Outcome(BuildClue clue, String problem) {
    }

    private BuildInfoFile() {
    }

    /** A cheap look at the first bytes: could the file be build information at all? */
    public static boolean mayBe(byte[] head, int length) {
        if (length <= 0) return false;
        String text = TextDecoding.decode(head, length);
        if (RegistryExport.looksLike(text)) return true;
        if (text.toLowerCase(Locale.ROOT).contains("exsetup")) return true;
        String t = text.strip();
        return t.length() <= 64 && ExchangeBuild.tryParse(t.lines().findFirst().orElse("")) != null;
    }

    /**
     * Reads the build from a whole (small) file.
     *
     * @return {@code null} when the file is not build information
     */
    public static Outcome read(byte[] bytes, int length, String path) {
        String text = TextDecoding.decode(bytes, length);
        try {
            BuildClue reg = RegistryExport.read(text, path);
            if (reg != null) return new Outcome(reg, null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, e.getMessage());
        }
        if (RegistryExport.looksLike(text)) return null;
        BuildClue exsetup = ExSetupVersion.read(text, path);
        return exsetup == null ? null : new Outcome(exsetup, null);
    }
}
