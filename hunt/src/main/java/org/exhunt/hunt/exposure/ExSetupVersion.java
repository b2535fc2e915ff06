package org.exhunt.hunt.exposure;

import java.util.Locale;

/**
 * Reads ExSetup.exe's file version as PowerShell prints it: the table of
 * {@code Get-Command ExSetup | % {$_.FileVersionInfo}} (a {@code ProductVersion FileVersion FileName}
 * header, dashes, then {@code 15.02.0986.005  15.02.0986.005  C:\...\ExSetup.exe}), the same as a
 * list ({@code FileVersion : 15.02.0986.005}), or the version alone on a line
 * ({@code (Get-Command ExSetup.exe).FileVersionInfo.FileVersion}).
 */
public final class ExSetupVersion {

    /** A lone version is only trusted in a file this short: a longer text is something else. */
    private static final int MAX_LINES_FOR_LONE_VERSION = 3;

    private ExSetupVersion() {
    }

    /**
     * The ExSetup version in the text, or {@code null} when the text is not such output.
     *
     * @param path names the file in the clue's source
     */
    public static BuildClue read(String text, String path) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        boolean mentionsExSetup = text.toLowerCase(Locale.ROOT).contains("exsetup");
        int nonBlank = 0;
        int loneLine = -1;
        ExchangeBuild lone = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            nonBlank++;
            if (mentionsExSetup) {
                BuildClue fromTable = tableRow(lines, i, path);
                if (fromTable != null) return fromTable;
                ExchangeBuild fromList = listEntry(line);
                if (fromList != null) return clue(fromList, path, i + 1);
            }
            ExchangeBuild b = exchange(ExchangeBuild.tryParse(line));
            if (b != null && b.hasRevision() && lone == null) {
                lone = b;
                loneLine = i + 1;
            }
        }
        if (lone != null && (mentionsExSetup || nonBlank <= MAX_LINES_FOR_LONE_VERSION)) return clue(lone, path, loneLine);
        return null;
    }

    /** For a {@code ProductVersion FileVersion ...} header at {@code i}: the FileVersion of the first data row. */
    private static BuildClue tableRow(String[] lines, int i, String path) {
        String[] header = lines[i].strip().split("\\s+");
        int column = -1;
        for (int c = 0; c < header.length; c++) if (header[c].equalsIgnoreCase("FileVersion")) column = c;
        if (column < 0 || header.length < 2) return null;
        for (int j = i + 1; j < lines.length; j++) {
            String row = lines[j].strip();
            if (row.isEmpty() || row.startsWith("-")) continue;
            String[] cells = row.split("\\s+");
            ExchangeBuild b = column < cells.length ? exchange(ExchangeBuild.tryParse(cells[column])) : null;
            return b == null ? null : clue(b, path, j + 1);
        }
        return null;
    }

    private static ExchangeBuild listEntry(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) return null;
        String key = line.substring(0, colon).strip();
        if (!key.equalsIgnoreCase("FileVersion") && !key.equalsIgnoreCase("ProductVersion")) return null;
        return exchange(ExchangeBuild.tryParse(line.substring(colon + 1)));
    }

    /** Only Exchange 2013 and later builds (15.x) count; other version numbers are not ExSetup's. */
    private static ExchangeBuild exchange(ExchangeBuild b) {
        return b != null && b.major() == 15 && b.hasRevision() ? b : null;
    }

    private static BuildClue clue(ExchangeBuild build, String path, int line) {
        return new BuildClue(build, path + " line " + line, BuildClue.Strength.EXSETUP);
    }
}
