package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exhunt.sigma.prefilter.LiteralAutomaton;

/**
 * The byte fast path of prefiltering ({@link SigmaEvent#slice}) sees exactly what the text path
 * sees: the same literals in a field's bytes, '+' standing for a space where the event says so,
 * and a retreat to the decoded text at the first non-ASCII byte (the Kelvin sign folds onto
 * {@code k}, which a byte-wise scan would miss).
 */
class SliceSoundnessProperties {

    private static final List<String> LITERALS = List.of("k", "ab", "a b", "a+b", "kb", "é", "x y", "+");

    @Property(tries = 500)
    void scanning_bytes_finds_what_scanning_the_decoded_text_finds(@ForAll("texts") String text,
            @ForAll boolean plusIsSpace) {
        LiteralAutomaton automaton = LiteralAutomaton.of(LITERALS);
        // the bytes as a log would hold them: spaces written as '+' when the field does that
        String stored = plusIsSpace ? text.replace(' ', '+') : text;
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        String seen = plusIsSpace ? stored.replace('+', ' ') : stored;

        Set<Integer> fromText = new TreeSet<>();
        automaton.scan(seen, fromText::add);
        Set<Integer> fromBytes = new TreeSet<>();
        boolean complete = automaton.scanAscii(bytes, 0, bytes.length, plusIsSpace, fromBytes::add);

        if (complete) {
            assertThat(fromBytes).as("literals in %s", stored).isEqualTo(fromText);
        } else {
            assertThat(seen.chars().anyMatch(c -> c >= 128)).as("gave up on pure ASCII %s", stored).isTrue();
            assertThat(fromText).as("hits before giving up are real").containsAll(fromBytes);
        }
    }

    @Property(tries = 200)
    void matching_through_slices_gives_what_matching_through_values_gives(@ForAll("valueLists") List<String> values) {
        RuleSet set = Rules.load(String.join("---\n",
                rule("r1", "A|contains: 'a b'"),
                rule("r2", "A|contains: 'kb'"),
                rule("r3", "B|startswith: 'x'"),
                rule("r4", "B|contains|all: ['a', 'é']"),
                rule("r5", "A|endswith: '+'")));
        SigmaEngine engine = SigmaEngine.compile(set, Pipeline.none());
        for (int i = 0; i + 1 < values.size(); i += 2) {
            MapEvent plain = MapEvent.of("A", values.get(i), "B", values.get(i + 1));
            SigmaEvent sliced = new SlicedView(plain, values.get(i), values.get(i + 1));
            assertThat(Rules.titles(engine, sliced)).as("A=%s B=%s", values.get(i), values.get(i + 1))
                    .isEqualTo(Rules.titles(engine, plain));
        }
    }

    private static String rule(String title, String item) {
        return "title: " + title + "\nlogsource:\n    product: t\ndetection:\n    s:\n        " + item
                + "\n    condition: s\n";
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', 'k', 'K', 'x', 'y', ' ', '+', 'é', '\u212A').ofMaxLength(12);
    }

    @Provide
    Arbitrary<List<String>> valueLists() {
        return texts().list().ofMinSize(2).ofMaxSize(12);
    }

    /** An event that shows field A with spaces stored as '+' and field B as plain UTF-8 bytes. */
    private static final class SlicedView implements SigmaEvent {
        private final MapEvent plain;
        private final byte[] a;
        private final boolean aPlus;
        private final byte[] b;

        SlicedView(MapEvent plain, String a, String b) {
            this.plain = plain;
            // a value holding '+' itself cannot be stored with '+' for spaces
            this.aPlus = !a.contains("+");
            this.a = (aPlus ? a.replace(' ', '+') : a).getBytes(StandardCharsets.UTF_8);
            this.b = b.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean slice(String field, ByteSlice out) {
            if (field.equalsIgnoreCase("A")) return out.set(a, 0, a.length, aPlus);
            if (field.equalsIgnoreCase("B")) return out.set(b, 0, b.length, false);
            return false;
        }

        @Override
        public Object get(String field) {
            return plain.get(field);
        }

        @Override
        public boolean has(String field) {
            return plain.has(field);
        }

        @Override
        public Iterable<String> values() {
            List<String> out = new ArrayList<>();
            plain.values().forEach(out::add);
            return out;
        }

        @Override
        public Instant timestamp() {
            return null;
        }
    }
}
