package org.exhunt.yara.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Strings of public web-shell rules (signature-base) over the real web shells of the corpus:
 * the same offsets and lengths as {@code yara -s -L} reports for every file.
 */
class SignatureBaseStringsTest {

    /** {kind, text or source, modifiers}: kind T text, R regex, H hex. */
    private static final String[][] STRINGS = {
        {"T", "escapeshellarg", "fullword"},
        {"T", "\"cmd /c", "nocase"},
        {"T", ".htpasswd", "wide ascii"},
        {"T", "crack", "fullword wide ascii"},
        {"T", "<%@LANGUAGE", "nocase wide ascii"},
        {"T", "Response", "fullword nocase wide ascii"},
        {"T", "CREAtEtExtFiLE", "fullword nocase wide ascii"},
        {"T", "filestream", "fullword nocase wide ascii"},
        {"T", "POST", "fullword wide ascii"},
        {"T", "eval(", "wide ascii"},
        {"T", "Request.Item[", "nocase"},
        {"T", "Scripting.FileSystemObject", "nocase wide ascii"},
        {"T", "cmd.exe", "xor(1-16)"},
        {"T", "WScript.Shell", "base64"},
        {"T", "Execute", "base64wide"},
        {"H", "47 49 46 38", ""},
        {"H", "3C 25 ?? 65 76 61 6C [1-40] 52 65 71 75 65 73 74", ""},
        {"R", "\\.swrite", "nocase wide ascii"},
        {"R", "<\\?=[^?]", "wide ascii"},
        {"R", "\\bassert[\\n\\t ]{0,500}\\([^)0]", "nocase wide ascii"},
        {"R", "%@\\sPage\\sLanguage=.Jscript.%><%eval\\(Request\\.Item\\[.{,100}unsafe", ""},
        {"R", "eval\\s*\\(\\s*Request", "nocase"},
        {"R", "Server\\.CreateObject\\(\"[A-Za-z.]{4,40}\"\\)", "nocase"},
    };

    @Test
    void web_shell_strings_match_where_yara_matches() throws Exception {
        Path shells = Corpus.folder("webshells");
        List<String> defs = new ArrayList<>();
        List<PatternSpec> specs = new ArrayList<>();
        for (String[] s : STRINGS) {
            defs.add(yaraSource(s));
            specs.add(spec(s));
        }
        Map<String, List<List<long[]>>> expected = YaraCli.matchesInFolder(defs, shells);
        PatternSet set = PatternSet.compile(specs);
        SoftAssertions soft = new SoftAssertions();
        int files = 0;
        long matches = 0;
        try (Stream<Path> all = Files.walk(shells)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                files++;
                List<List<long[]>> ours = YaraCli.ours(set, Files.readAllBytes(f));
                List<List<long[]>> theirs = expected.get(f.toString());
                for (int i = 0; i < STRINGS.length; i++) {
                    String want = theirs == null ? "[ ]" : YaraCli.render(theirs.get(i));
                    soft.assertThat(YaraCli.render(ours.get(i))).as("%s in %s", defs.get(i), f).isEqualTo(want);
                    matches += ours.get(i).size();
                }
            }
        }
        soft.assertAll();
        assertThat(files).as("web shells in the corpus").isGreaterThan(400);
        assertThat(matches).as("matches found").isGreaterThan(1000);
    }

    static String yaraSource(String[] s) {
        String body = switch (s[0]) {
            case "T" -> YaraCli.quote(s[1].getBytes(StandardCharsets.ISO_8859_1));
            case "H" -> "{ " + s[1] + " }";
            default -> "/" + s[1] + "/";
        };
        return s[2].isEmpty() ? body : body + " " + s[2];
    }

    static PatternSpec spec(String[] s) {
        Modifiers m = Modifiers.none();
        for (String mod : s[2].split(" ")) {
            switch (mod) {
                case "ascii" -> m = m.ascii();
                case "wide" -> m = m.wide();
                case "nocase" -> m = m.nocase();
                case "fullword" -> m = m.fullword();
                case "base64" -> m = m.base64();
                case "base64wide" -> m = m.base64wide();
                case "xor(1-16)" -> m = m.xor(1, 16);
                case "" -> { }
                default -> throw new IllegalArgumentException(mod);
            }
        }
        return switch (s[0]) {
            case "T" -> PatternSpec.text(s[1].getBytes(StandardCharsets.ISO_8859_1), m);
            case "H" -> PatternSpec.hex(s[1]);
            default -> PatternSpec.regex(s[1], m, false);
        };
    }
}
