package org.exhunt.yara;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Fuzz target: any bytes scanned with a fixed rule set that uses every kind of string and most
 * of the condition language (loops, integer reads, the pe, math and hash modules) end in a
 * result, never an exception; every reported match lies inside the data. Runs as a regression
 * test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class YaraScannerFuzzTest {

    private static final String RULES = """
            import "pe"
            import "math"
            import "hash"
            rule text_forms { strings: $a = "eval" nocase wide ascii $b = "Request" fullword $c = "cmd" xor(1-20)
                $d = "Process" base64 $e = "Start" base64wide condition: any of them }
            rule hex_forms { strings: $h = { 4D 5A [0-64] ( 50 45 | 4E 45 ) ?? 0? [-] 00 } $n = { 3C 25 ~40 ?? }
                condition: $h or #n > 2 }
            rule regex_forms { strings: $r = /eval\\s*\\(\\s*Request(\\.Item)?\\[/is $s = /[A-Za-z0-9+\\/]{40,}={0,2}/
                $t = /<%@\\s*Page/ wide ascii condition: $r or ($s and $t) }
            rule loops { strings: $x = "a" condition: for any i in (1..#x) : (@x[i] + !x[i] < filesize)
                and for all of ($x) : (# < 100000) }
            rule reads { condition: filesize > 64 and uint16(0) == 0x5A4D and uint32(uint32(0x3C)) == 0x4550 }
            rule modules { condition: pe.is_pe and pe.number_of_sections > 0 or math.entropy(0, filesize) > 7.5
                or hash.md5(0, 16) == "00000000000000000000000000000000" }
            rule refs { condition: text_forms or 1 of (hex_*, regex_*) }
            """;

    private static final YaraScanner SCANNER = compile();

    private static YaraScanner compile() {
        YaraCompiler c = new YaraCompiler();
        if (!c.addText("fuzz-rules.yar", RULES)) {
            throw new IllegalStateException("fixed fuzz rules do not compile: " + c.rules().problems());
        }
        return YaraScanner.of(c.rules());
    }

    @FuzzTest(maxDuration = "10s")
    void scanning_any_bytes_gives_a_result_with_matches_inside_the_data(byte[] data) {
        ScanResult r = SCANNER.scan(data, ScanOptions.defaults().withTimeout(Duration.ofSeconds(5)));
        for (YaraMatch m : r.matches()) {
            for (MatchedString s : m.strings()) {
                if (s.offset() < 0 || s.length() <= 0 || s.offset() + Math.min(s.length(), MatchedString.MAX_DATA) > data.length) {
                    throw new IllegalStateException("match outside the data: " + s + " in " + data.length + " bytes");
                }
            }
        }
    }
}
