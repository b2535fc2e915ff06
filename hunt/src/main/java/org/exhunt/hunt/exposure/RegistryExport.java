package org.exhunt.hunt.exposure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the installed build from a registry export of
 * {@code HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup} as regedit writes it ({@code .reg}:
 * {@code Windows Registry Editor Version 5.00} or {@code REGEDIT4}, then
 * {@code "MsiProductMajor"=dword:0000000f}, {@code MsiProductMinor}, {@code MsiBuildMajor},
 * {@code MsiBuildMinor}). Values of other keys are ignored: a whole-hive export names many builds.
 */
public final class RegistryExport {

    private static final String KEY_SUFFIX = "\\microsoft\\exchangeserver\\v15\\setup]";
    private static final String[] VALUES = {"msiproductmajor", "msiproductminor", "msibuildmajor", "msibuildminor"};

    private RegistryExport() {
    }

    /** Whether the text starts like a regedit export. */
    public static boolean looksLike(String text) {
        String head = firstLine(text);
        return head.equalsIgnoreCase("Windows Registry Editor Version 5.00") || head.equalsIgnoreCase("REGEDIT4");
    }

    /**
     * The build in the export's Exchange Setup key.
     *
     * @param path names the file in the clue's source and in errors
     * @return the clue, or {@code null} when the export has no Exchange Setup key
     * @throws IllegalArgumentException when the key is there but its values are missing or malformed
     */
    public static BuildClue read(String text, String path) {
        if (!looksLike(text)) return null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        Map<String, Integer> values = new HashMap<>();
        int keyLine = -1;
        boolean inKey = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[")) {
                inKey = line.toLowerCase(Locale.ROOT).endsWith(KEY_SUFFIX) && !line.startsWith("[-");
                if (inKey && keyLine < 0) keyLine = i + 1;
                continue;
            }
            if (!inKey || !line.startsWith("\"")) continue;
            int close = line.indexOf('"', 1);
            if (close < 0) continue;
            String name = line.substring(1, close).toLowerCase(Locale.ROOT);
            if (!java.util.Arrays.asList(VALUES).contains(name)) continue;
            String data = line.substring(close + 1).strip();
            if (!data.regionMatches(true, 0, "=dword:", 0, 7)) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": " + lines[i].strip()
                        + " is not a dword value (expected \"" + properName(name) + "\"=dword:0000000f style)");
            }
            try {
                long v = Long.parseLong(data.substring(7).strip(), 16);
                if (v < 0 || v > Integer.MAX_VALUE) throw new NumberFormatException("out of range");
                values.put(name, (int) v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": '" + data.substring(7).strip()
                        + "' is not eight hexadecimal digits");
            }
        }
        if (keyLine < 0) return null;
        for (String v : VALUES) {
            if (!values.containsKey(v)) {
                throw new IllegalArgumentException(path + " line " + keyLine
                        + ": the Exchange Setup key has no " + properName(v) + " value");
            }
        }
        ExchangeBuild build = new ExchangeBuild(values.get("msiproductmajor"), values.get("msiproductminor"),
                values.get("msibuildmajor"), values.get("msibuildminor"));
        return new BuildClue(build, path + " line " + keyLine, BuildClue.Strength.REGISTRY);
    }

    private static String properName(String lower) {
        return switch (lower) {
            case "msiproductmajor" -> "MsiProductMajor";
            case "msiproductminor" -> "MsiProductMinor";
            case "msibuildmajor" -> "MsiBuildMajor";
            default -> "MsiBuildMinor";
        };
    }

    private static String firstLine(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        return text.substring(i, end).strip();
    }
}
