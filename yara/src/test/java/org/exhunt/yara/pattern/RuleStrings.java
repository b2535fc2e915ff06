package org.exhunt.yara.pattern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pulls one-line string definitions ({@code $x = "..." wide}, {@code /.../i}, {@code { .. }}) out
 * of a folder of YARA rules, for tests and timings that need many real patterns. A deliberately
 * small reader: lines it does not understand are skipped.
 */
final class RuleStrings {

    record Def(String yaraSource, PatternSpec spec) {}

    private static final Pattern LINE = Pattern.compile(
            "^\\s*\\$\\w* = (\"(?:[^\"\\\\]|\\\\.)*\"|/(?:[^/\\\\]|\\\\.)+/[is]*|\\{[^}]*\\})((?:\\s+(?:ascii|wide|nocase|fullword|xor|base64|base64wide|private))*)\\s*(?://.*)?$");

    private RuleStrings() {}

    static List<Def> load(Path folder, int max) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<Def> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            // Web-shell rule files first: their strings are the ones that match the corpus.
            files = s.filter(p -> p.toString().endsWith(".yar"))
                    .sorted(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().contains("webshell"))
                            .thenComparing(Path::toString))
                    .toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) continue;
                String body = m.group(1);
                String mods = m.group(2).replace("private", "").trim().replaceAll("\\s+", " ");
                String src = mods.isEmpty() ? body : body + " " + mods;
                if (!seen.add(src)) continue;
                PatternSpec spec;
                try {
                    spec = spec(body, mods);
                    PatternSet.compile(List.of(spec));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                out.add(new Def(src, spec));
                if (out.size() == max) return out;
            }
        }
        return out;
    }

    private static PatternSpec spec(String body, String mods) {
        Modifiers m = Modifiers.none();
        for (String mod : mods.split(" ")) {
            switch (mod) {
                case "ascii" -> m = m.ascii();
                case "wide" -> m = m.wide();
                case "nocase" -> m = m.nocase();
                case "fullword" -> m = m.fullword();
                case "xor" -> m = m.xor();
                case "base64" -> m = m.base64();
                case "base64wide" -> m = m.base64wide();
                default -> { }
            }
        }
        if (body.startsWith("{")) return PatternSpec.hex(body.substring(1, body.length() - 1).trim());
        if (body.startsWith("/")) {
            int end = body.lastIndexOf('/');
            String flags = body.substring(end + 1);
            if (flags.contains("i")) m = m.nocase();
            return PatternSpec.regex(body.substring(1, end).replace("\\/", "/"), m, flags.contains("s"));
        }
        return PatternSpec.text(unescape(body.substring(1, body.length() - 1)), m);
    }

    private static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }
}
