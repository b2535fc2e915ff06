package org.exhunt.yara.module;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Asks the reference, Debian's {@code yara} 4.2.3, to confirm conditions over a file: one rule per
 * condition, and the answer is which of them did not match. Fails (never skips) when yara is missing.
 */
final class YaraOracle {

    static final Path YARA = Path.of("/usr/bin/yara");

    private YaraOracle() {
    }

    /** The conditions yara did not find true on {@code data}. */
    static List<String> unconfirmed(String module, List<String> conditions, byte[] data)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(YARA)) {
            throw new AssertionError("reference yara missing at " + YARA + ": install it with 'apt-get install -y yara'");
        }
        Path dir = Files.createTempDirectory("yaramod");
        try {
            StringBuilder rules = new StringBuilder("import \"" + module + "\"\n");
            for (int i = 0; i < conditions.size(); i++) {
                rules.append("rule r").append(i).append(" { condition: ").append(conditions.get(i)).append(" }\n");
            }
            Path ruleFile = dir.resolve("rules.yar");
            Path dataFile = dir.resolve("data.bin");
            Files.writeString(ruleFile, rules, StandardCharsets.ISO_8859_1);
            Files.write(dataFile, data);
            Process p = new ProcessBuilder(YARA.toString(), "-w", ruleFile.toString(), dataFile.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("yara failed: " + out);
            }
            Set<Integer> matched = new HashSet<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("r") && line.contains(" ")) {
                    matched.add(Integer.parseInt(line.substring(1, line.indexOf(' '))));
                }
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                if (!matched.contains(i)) {
                    missing.add(conditions.get(i));
                }
            }
            return missing;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A YARA text string holding {@code s} byte for byte. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            int v = s.charAt(i) & 0xFF;
            if (v == '"' || v == '\\') {
                sb.append('\\').append((char) v);
            } else if (v >= 0x20 && v < 0x7F) {
                sb.append((char) v);
            } else {
                sb.append(String.format("\\x%02x", v));
            }
        }
        return sb.append('"').toString();
    }

    /** A condition that {@code expression} (a float) is within a relative 1e-9 of {@code value}. */
    static String near(String expression, double value) {
        double slack = Math.max(Math.abs(value) * 1e-9, 1e-12);
        return expression + " >= " + plain(value - slack) + " and " + expression + " <= " + plain(value + slack);
    }

    private static String plain(double v) {
        String s = new BigDecimal(v).toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** A condition that {@code expression} equals our value, or is undefined when ours is null. */
    static String equal(String expression, Object value) {
        if (value == null) {
            return "not defined " + expression;
        }
        if (value instanceof Long l) {
            return l == Long.MIN_VALUE ? expression + " == -9223372036854775807 - 1" : expression + " == " + l;
        }
        if (value instanceof Double d) {
            return near(expression, d);
        }
        return expression + " == " + quote((String) value);
    }

    /**
     * Conditions stating every scalar of our value tree under {@code prefix}: integers and strings
     * equal, arrays' elements recursively. {@code dictionaries} names the paths that are keyed by string.
     */
    @SuppressWarnings("unchecked")
    static void flatten(String prefix, Object value, Set<String> dictionaries, List<String> out) {
        if (value instanceof Map<?, ?> m) {
            boolean dictionary = dictionaries.contains(prefix.replaceAll("\\[\\d+\\]", ""));
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                String path = dictionary ? prefix + "[" + quote(e.getKey()) + "]" : prefix + "." + e.getKey();
                flatten(path, e.getValue(), dictionaries, out);
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), dictionaries, out);
            }
        } else if (value instanceof Long || value instanceof String || value instanceof Double) {
            out.add(equal(prefix, value));
        }
    }
}
