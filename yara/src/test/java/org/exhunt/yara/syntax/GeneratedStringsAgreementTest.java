package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.Yarac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random string definitions, valid and not (modifier mixes, xor ranges, base64 alphabets, hex
 * strings with misplaced jumps, odd digits, empty alternatives): our compiler accepts the rule
 * exactly when yarac does. Hex negation ({@code ~}) is left out: it came after yarac 4.2.3.
 */
class GeneratedStringsAgreementTest {

    /** Longer runs by hand: -Dexhunt.yara.strings=2000 -Dexhunt.yara.seed=99. */
    private static final int RULES = Integer.getInteger("exhunt.yara.strings", 250);
    private static final long SEED = Long.getLong("exhunt.yara.seed", 11L);

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String[] TEXT_MODIFIERS = {"nocase", "wide", "ascii", "fullword", "private", "xor", "xor(3)",
            "xor(1-9)", "xor(9-1)", "xor(300)", "xor(0x10-0xff)", "base64", "base64wide", "base64(\"" + ALPHABET + "\")",
            "base64wide(\"" + ALPHABET + "\")", "base64(\"abc\")"};
    private static final String[] REGEX_MODIFIERS = {"nocase", "wide", "ascii", "fullword", "private", "xor", "base64"};
    private static final String[] HEX_MODIFIERS = {"private", "private", "private", "nocase"};
    private static final String[] HEX_VALID = {"4D", "5a", "??", "?A", "b?", "4D5A", "[2] 41", "[1-4] 42", "[3-] 43",
            "[-] 44", "( 41 | 42 )", "( 43 | ?? 44 )", "( 45 [2] 46 | 47 )", "/* c */ 48", "[0-3] 49", "( 4A | ( 4B | 4C ) 4D )"};
    private static final String[] HEX_BROKEN = {"[2] 41", "41 [2]", "41 [0] 42", "41 [5-2] 42", "41 ( 42 [-] 43 | 44 )",
            "41 ( 42 | ) 43", "41 4", "41 ( 42 | 43", "41 )", "41 ( [1] 42 | 43 )", "41 G1", "()"};
    private static final String[] REGEX_PIECES = {"a", "b", ".", "\\d", "(a|b)", "(", "|c", "*", "+?", "{2}", "{3,1}",
            "[a-c]", "[c-a]", "\\x4", "\\x41", "\\/", "abc", "x", "\\w+"};
    private static final String[] TEXT_PIECES = {"a", "B", "7", " ", "\\x41", "\\n", "\\t", "\\\"", "\\\\", "%", "\\q",
            "abc", "xyz", "Web"};

    @TempDir
    Path dir;

    @Test
    void acceptsGeneratedStringDefinitionsExactlyWhenYaracDoes() throws Exception {
        Yarac.requireInstalled();
        Random random = new Random(SEED);
        List<String> disagreements = new ArrayList<>();
        int rejectedByYarac = 0;
        for (int n = 0; n < RULES; n++) {
            StringBuilder rule = new StringBuilder("rule t {\n strings:\n");
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                rule.append("  $s").append(k).append(" = ").append(definition(random)).append('\n');
            }
            rule.append(" condition:\n  all of them\n}\n");
            Path file = dir.resolve("s" + n + ".yar");
            Files.write(file, rule.toString().getBytes(StandardCharsets.ISO_8859_1));
            YaraCompiler compiler = new YaraCompiler();
            boolean ours = compiler.addFile(file);
            boolean theirs = Yarac.accepts(file);
            if (!theirs) {
                rejectedByYarac++;
            }
            if (ours != theirs) {
                disagreements.add(rule.toString().replace("\n", " ") + "-- yarac " + (theirs ? "accepts" : "rejects")
                        + ", we " + (ours ? "accept" : "reject: " + compiler.rules().problems()));
            }
        }
        System.out.printf("generated strings: %d rules, %d rejected by yarac, %d disagreements%n",
                RULES, rejectedByYarac, disagreements.size());
        disagreements.forEach(d -> System.out.println("  disagreement: " + d));
        assertThat(rejectedByYarac).isBetween(RULES / 10, RULES - RULES / 10);
        assertThat(disagreements).isEmpty();
    }

    private static String definition(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "\"" + join(r, TEXT_PIECES, r.nextInt(6), "") + "\"" + modifiers(r, TEXT_MODIFIERS);
            case 1 -> "{ " + hex(r) + " }" + modifiers(r, HEX_MODIFIERS);
            default -> "/" + join(r, REGEX_PIECES, 1 + r.nextInt(4), "") + "/" + (r.nextBoolean() ? "i" : "")
                    + modifiers(r, REGEX_MODIFIERS);
        };
    }

    /** A valid hex string, or one with a single flaw in one case out of three. */
    private static String hex(Random r) {
        String valid = "41 " + join(r, HEX_VALID, r.nextInt(4), " ");
        if (r.nextInt(3) != 0) {
            return valid;
        }
        String flaw = HEX_BROKEN[r.nextInt(HEX_BROKEN.length)];
        return r.nextBoolean() ? flaw + " " + valid : valid + " " + flaw;
    }

    private static String modifiers(Random r, String[] options) {
        int n = r.nextInt(2) == 0 ? 0 : r.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(' ').append(options[r.nextInt(options.length)]);
        }
        return b.toString();
    }

    private static String join(Random r, String[] pieces, int n, String separator) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pieces[r.nextInt(pieces.length)]);
        }
        return String.join(separator, out);
    }
}
