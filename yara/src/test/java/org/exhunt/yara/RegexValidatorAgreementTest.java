package org.exhunt.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exhunt.yara.syntax.Regex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in regex check accepts exactly the regexes yarac accepts: a hand-picked list of the
 * dialect's corners, then random regexes built from its pieces.
 */
class RegexValidatorAgreementTest {

    private static final List<String> CORNERS = List.of(
            "abc", "a**", "a{,3}", "[]", "[]a]", "\\b+", "(?i)x", "a|*b", "()", "a{1,2}{3}", "[z-a]", "\\1", "(?:a)",
            "a{0}", "a{2,1}", "x{32768}", "x{32767}", "a{1", "a{x}", "a)", "(a", "a+?", "a*+", "^*", "$+", "|a", "a||b",
            "[^]", "\\xZZ", "\\x4", "\\d\\w\\s\\D\\W\\S\\B", "[\\d-z]", "a{,}", "\\p{L}", "[[:alpha:]]", "(?P<n>a)",
            "\\/x", "a{1,2}?", "(*)", "(a|)", "\\u0041", "\\n\\r\\t\\f\\a\\e", "\\0", "\\8", "[a-]", "[-a]", "[\\]]",
            "[a-\\x20]", "a{0,0}", "a{,0}", "a{0,1}", "{2}", "x{}", "[\\x41-\\x5a]", "[\\x5a-\\x41]", "(a)(b)|c*",
            "\\b(a|b)\\B", "a{3}{", "((a|b)c)+d?", "a??", "[ab-]+", "\\x41{2}",
            "a+?b", "a+?b+", "a*?b*", "a{1,2}?b{2}", "(a+?)(b+)", "a+?|b+", "a+b+?", "a?b??");

    private static final String[] PIECES = {"a", "b", ".", "\\d", "\\b", "^", "$", "(", ")", "|", "*", "+", "?",
            "{2}", "{1,3}", "{,2}", "{3,1}", "{0}", "*?", "+?", "{1,2}?", "[a-c]", "[c-a]", "[^x]", "[]", "\\x4", "\\x41", "\\1", "(?:", "{",
            "}", "-", "\\/"};

    @TempDir
    Path dir;

    @Test
    void acceptsExactlyTheRegexesYaracAccepts() throws Exception {
        Yarac.requireInstalled();
        List<String> regexes = new ArrayList<>(CORNERS);
        Random random = new Random(41L);
        for (int n = 0; n < 250; n++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(7);
            for (int k = 0; k < length; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            regexes.add(b.toString());
        }
        List<String> disagreements = new ArrayList<>();
        int rejectedByYarac = 0;
        int index = 0;
        for (String source : regexes) {
            boolean ours = RegexValidator.basic().problem(new Regex(source, false, false)).isEmpty();
            Path file = dir.resolve("re" + index++ + ".yar");
            // A regex that the file's lexer already refuses (e.g. one ending in a backslash) is not a regex question.
            Files.write(file, ("rule a { strings: $a = /" + source + "/ condition: $a }\n").getBytes(StandardCharsets.ISO_8859_1));
            boolean theirs = Yarac.accepts(file);
            if (!theirs) {
                rejectedByYarac++;
            }
            if (ours != theirs) {
                disagreements.add("/" + source + "/: yarac " + (theirs ? "accepts" : "rejects") + ", we "
                        + (ours ? "accept" : "reject: " + RegexValidator.basic().problem(new Regex(source, false, false)).get()));
            }
        }
        System.out.printf("regex check: %d regexes, %d rejected by yarac, %d disagreements%n",
                regexes.size(), rejectedByYarac, disagreements.size());
        assertThat(rejectedByYarac).as("the cases must include rejected regexes").isGreaterThan(regexes.size() / 4);
        assertThat(disagreements).isEmpty();
    }
}
