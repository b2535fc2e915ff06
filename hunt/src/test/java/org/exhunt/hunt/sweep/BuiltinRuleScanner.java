package org.exhunt.hunt.sweep;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exhunt.yara.YaraMatch;
import org.exhunt.yara.YaraScanner;

/** The shipped web-shell rules, compiled once, and the names of the rules a sample matches. */
final class BuiltinRuleScanner {

    private static final YaraScanner SCANNER = YaraScanner.of(BuiltinWebshellRulesTest.compileAll());

    private BuiltinRuleScanner() {
    }

    static List<String> rulesMatching(byte[] content) {
        return SCANNER.scan(content).matches().stream().map(YaraMatch::rule).toList();
    }

    /** Text as a Windows tool would write it: single-byte characters, no byte order mark. */
    static List<String> rulesMatching(String content) {
        return rulesMatching(content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Text as Notepad's "Unicode" writes it: UTF-16LE with a byte order mark. */
    static List<String> rulesMatchingUtf16(String content) {
        byte[] text = content.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        return rulesMatching(withBom);
    }
}
