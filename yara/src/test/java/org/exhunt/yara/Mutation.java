package org.exhunt.yara;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, seeded damage to rule text, each kind aimed at a different check. */
final class Mutation {

    static final List<String> KINDS = List.of("drop-line", "drop-char", "repeat-rule", "rename-reference", "drop-string");

    private static final Pattern RULE = Pattern.compile("(?m)^(?:(?:private|global)\\s+)*rule\\s+\\w+");
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w$#@!])\\$\\w+(?!\\s*=)");
    private static final Pattern STRING_LINE = Pattern.compile("(?m)^\\s*\\$\\w*\\s*=.*$");

    private Mutation() {
    }

    static String apply(String kind, String text, Random random) {
        return switch (kind) {
            case "drop-line" -> dropLine(text, random);
            case "drop-char" -> dropChar(text, random);
            case "repeat-rule" -> repeatRule(text);
            case "rename-reference" -> renameReference(text, random);
            case "drop-string" -> dropMatch(text, STRING_LINE, random);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String dropLine(String text, Random random) {
        String[] lines = text.split("\n", -1);
        int tries = 0;
        int i;
        do {
            i = random.nextInt(lines.length);
        } while (lines[i].isBlank() && ++tries < 50);
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < lines.length; j++) {
            if (j != i) {
                b.append(lines[j]).append('\n');
            }
        }
        return b.toString();
    }

    private static String dropChar(String text, Random random) {
        int tries = 0;
        int i;
        do {
            i = random.nextInt(text.length());
        } while (Character.isWhitespace(text.charAt(i)) && ++tries < 50);
        return text.substring(0, i) + text.substring(i + 1);
    }

    /** Appends a copy of the file's first rule, which must then clash by name. */
    private static String repeatRule(String text) {
        Matcher m = RULE.matcher(text);
        if (!m.find()) {
            return text;
        }
        int start = m.start();
        Matcher next = RULE.matcher(text);
        int end = next.find(m.end()) ? next.start() : text.length();
        return text + "\n" + text.substring(start, end);
    }

    private static String renameReference(String text, Random random) {
        int condition = text.indexOf("condition:");
        if (condition < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        List<int[]> spots = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.start() > condition) {
                spots.add(new int[] {m.start(), m.end()});
            }
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(random.nextInt(spots.size()));
        return text.substring(0, s[0]) + "$zz_renamed" + text.substring(s[1]);
    }

    private static String dropMatch(String text, Pattern p, Random random) {
        Matcher m = p.matcher(text);
        List<int[]> spots = new java.util.ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(), m.end()});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(random.nextInt(spots.size()));
        return text.substring(0, s[0]) + text.substring(s[1]);
    }
}
