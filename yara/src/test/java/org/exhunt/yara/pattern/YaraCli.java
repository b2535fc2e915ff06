package org.exhunt.yara.pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference implementation, {@code yara -s -L}, over one buffer with one rule per
 * string, and reads back each rule's matches. Fails (never skips) when yara is not installed.
 */
final class YaraCli {

    static final Path YARA = Path.of("/usr/bin/yara");
    /** yara prints at most this many bytes of a match, and -L reports the printed length. */
    static final int PRINTED_LENGTH_CAP = 512;

    private YaraCli() {}

    /** @param strings string definitions as they appear after {@code $a = }, e.g. {@code "abc" wide} */
    static List<List<long[]>> matches(List<String> strings, byte[] data) throws IOException, InterruptedException {
        if (!Files.isExecutable(YARA)) {
            throw new AssertionError("reference yara missing at " + YARA + ": install it with 'apt-get install -y yara'");
        }
        Path dir = Files.createTempDirectory("yarapat");
        try {
            StringBuilder rules = new StringBuilder();
            for (int i = 0; i < strings.size(); i++) {
                rules.append("rule r").append(i).append(" { strings: $a = ").append(strings.get(i)).append(" condition: $a }\n");
            }
            Path ruleFile = dir.resolve("rules.yar");
            Path dataFile = dir.resolve("data.bin");
            Files.writeString(ruleFile, rules, StandardCharsets.ISO_8859_1);
            Files.write(dataFile, data);
            Process p = new ProcessBuilder(YARA.toString(), "-w", "-s", "-L", ruleFile.toString(), dataFile.toString())
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("yara failed on\n" + rules + "\n" + new String(out, StandardCharsets.ISO_8859_1));
            }
            return parse(new String(out, StandardCharsets.ISO_8859_1), strings.size(), dataFile.toString());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Runs yara over every file of a folder (recursively) and returns, per file path, each rule's
     * matches. Rules given as definitions after {@code $a = }.
     */
    static java.util.Map<String, List<List<long[]>>> matchesInFolder(List<String> strings, Path folder)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(YARA)) {
            throw new AssertionError("reference yara missing at " + YARA + ": install it with 'apt-get install -y yara'");
        }
        Path ruleFile = Files.createTempFile("yarapat", ".yar");
        try {
            StringBuilder rules = new StringBuilder();
            for (int i = 0; i < strings.size(); i++) {
                rules.append("rule r").append(i).append(" { strings: $a = ").append(strings.get(i)).append(" condition: $a }\n");
            }
            Files.writeString(ruleFile, rules, StandardCharsets.ISO_8859_1);
            Process p = new ProcessBuilder(YARA.toString(), "-w", "-s", "-L", "-r", "-p", "1", ruleFile.toString(), folder.toString())
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("yara failed: " + new String(out, 0, Math.min(out.length, 2000), StandardCharsets.ISO_8859_1));
            }
            java.util.Map<String, List<List<long[]>>> byFile = new java.util.HashMap<>();
            List<long[]> current = null;
            for (String line : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
                if (line.startsWith("r") && line.indexOf(' ') > 1 && line.substring(1, line.indexOf(' ')).chars().allMatch(Character::isDigit)) {
                    int rule = Integer.parseInt(line.substring(1, line.indexOf(' ')));
                    String file = line.substring(line.indexOf(' ') + 1);
                    List<List<long[]>> perRule = byFile.computeIfAbsent(file, f -> {
                        List<List<long[]>> l = new ArrayList<>();
                        for (int i = 0; i < strings.size(); i++) l.add(new ArrayList<>());
                        return l;
                    });
                    current = perRule.get(rule);
                } else if (line.startsWith("0x") && current != null) {
                    String[] parts = line.split(":", 3);
                    current.add(new long[] {Long.parseLong(parts[0].substring(2), 16), Long.parseLong(parts[1])});
                }
            }
            return byFile;
        } finally {
            Files.deleteIfExists(ruleFile);
        }
    }

    private static List<List<long[]>> parse(String out, int rules, String dataFile) {
        List<List<long[]>> result = new ArrayList<>();
        for (int i = 0; i < rules; i++) result.add(new ArrayList<>());
        List<long[]> current = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("r") && line.endsWith(" " + dataFile)) {
                current = result.get(Integer.parseInt(line.substring(1, line.indexOf(' '))));
            } else if (line.startsWith("0x") && current != null) {
                String[] parts = line.split(":", 3);
                current.add(new long[] {Long.parseLong(parts[0].substring(2), 16), Long.parseLong(parts[1])});
            }
        }
        return result;
    }

    /** Our matches in the same shape, lengths capped the way yara prints them. */
    static List<List<long[]>> ours(PatternSet set, byte[] data) {
        List<List<long[]>> result = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) result.add(new ArrayList<>());
        set.scan(data, (p, off, len) -> result.get(p).add(new long[] {off, Math.min(len, PRINTED_LENGTH_CAP)}));
        return result;
    }

    static String render(List<long[]> ms) {
        StringBuilder sb = new StringBuilder("[");
        for (long[] m : ms) sb.append(' ').append(m[0]).append(':').append(m[1]);
        return sb.append(" ]").toString();
    }

    /** A text string in YARA source form. */
    static String quote(byte[] s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s) {
            int v = b & 0xFF;
            if (v == '"' || v == '\\') sb.append('\\').append((char) v);
            else if (v >= 0x20 && v < 0x7F) sb.append((char) v);
            else sb.append(String.format("\\x%02x", v));
        }
        return sb.append('"').toString();
    }
}
