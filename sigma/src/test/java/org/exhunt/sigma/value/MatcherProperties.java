package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Generated checks of the string matchers against simple references. */
class MatcherProperties {

    /** The wildcard matcher agrees with a regular expression built from the same parsed value. */
    @Property(tries = 3000)
    void wildcardMatcherAgreesWithRegexTranslation(
            @ForAll @StringLength(max = 8) @Chars({'a', 'b', 'A', '*', '?', '\\'}) String pattern,
            @ForAll @StringLength(max = 10) @Chars({'a', 'b', 'A', 'B', '*', '?', '\\', '\n'}) String text) {
        SigmaString value = SigmaString.parse(pattern, false);
        boolean expected = reference(value).matcher(text).matches();
        assertThat(TextMatcher.compile(value, CharFold.IGNORE_CASE).matches(text))
                .as("pattern %s on %s", pattern, text).isEqualTo(expected);
    }

    private static Pattern reference(SigmaString value) {
        StringBuilder re = new StringBuilder();
        for (SigmaString.Part p : value.parts()) {
            if (p instanceof SigmaString.Literal l) {
                re.append(Pattern.quote(l.text()));
            } else {
                re.append(p == SigmaString.Wildcard.ANY ? ".*" : ".");
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Property(tries = 2000)
    void containsStartswithEndswithAgreeWithStringMethods(
            @ForAll @StringLength(max = 4) @Chars({'a', 'b', 'A', 'k', 'É', 'é', '.'}) String needle,
            @ForAll @StringLength(max = 10) @Chars({'a', 'b', 'B', 'K', '\u212a', 'É', 'é', '.'}) String haystack) {
        String n = CharFold.lower(needle);
        String h = CharFold.lower(haystack);
        assertThat(Predicates.matchesF(Predicates.item("f|contains", needle), haystack)).isEqualTo(h.contains(n));
        assertThat(Predicates.matchesF(Predicates.item("f|startswith", needle), haystack)).isEqualTo(h.startsWith(n));
        assertThat(Predicates.matchesF(Predicates.item("f|endswith", needle), haystack)).isEqualTo(h.endsWith(n));
        assertThat(Predicates.matchesF(Predicates.item("f", needle), haystack)).isEqualTo(h.equals(n));
    }

    /** Whenever an item matches, its field's text contains one of the required literals. */
    @Property(tries = 3000)
    void requiredLiteralsAreSound(
            @ForAll("modifiers") List<String> modifiers,
            @ForAll @StringLength(min = 1, max = 6) @Chars({'a', 'b', 'C', '-', '/', '*', '?', '\\'}) String v1,
            @ForAll @StringLength(max = 6) @Chars({'a', 'b', 'C', '-', '/', '*', '?', '\\'}) String v2,
            @ForAll @StringLength(max = 12) @Chars({'a', 'B', 'c', 'C', '-', '/', '\u2013', '*'}) String text)
            throws ValueException {
        FieldPredicate p = FieldPredicates.compile("f", modifiers, List.of(v1, v2), ValueContext.none());
        Set<String> literals = p.requiredLiterals();
        if (literals != null && p.test(TestEvent.of("f", text))) {
            String folded = CharFold.lower(text);
            assertThat(literals).as("literals of %s %s / %s", modifiers, v1, v2).anySatisfy(l -> assertThat(folded).contains(l));
        }
    }

    @Provide
    Arbitrary<List<String>> modifiers() {
        return Arbitraries.subsetOf("contains", "startswith", "endswith", "all", "cased", "windash")
                .map(ArrayList::new);
    }

    @Property(tries = 1000)
    void base64offsetFindsAnyValueAtAnyOffset(
            @ForAll @StringLength(min = 1, max = 8) @Chars({'a', 'Z', ' ', '-', '\u00e9'}) String value,
            @ForAll @StringLength(max = 5) @Chars({'x', 'y'}) String before,
            @ForAll @StringLength(max = 5) @Chars({'x', 'y'}) String after) {
        String encoded = java.util.Base64.getEncoder().encodeToString(
                (before + value + after).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Predicates.matchesF(Predicates.item("f|base64offset|contains", value), encoded)).isTrue();
    }

    /** Whenever a regular expression matches, the text contains its required literal. */
    @Property(tries = 3000)
    void regexLiteralsAreSound(
            @ForAll @StringLength(min = 1, max = 8) @Chars({'a', 'b', 'k', 'S', '.', '*', '+', '?', '|', '(', ')', '[', ']', '\\', '{', '}', '2', ','}) String regex,
            @ForAll boolean ignoreCase,
            @ForAll @StringLength(max = 10) @Chars({'a', 'B', 'k', 's', '\u212a', '\u017f', '.', '2', '{', '}'}) String text) {
        RegexMatcher m;
        try {
            m = RegexMatcher.compile(regex, ignoreCase, false, false);
        } catch (ValueException notAValidRegex) {
            return;
        }
        Set<String> literals = m.literals();
        if (literals != null && m.matches(text, TestEvent.of("f", text), "f")) {
            String folded = CharFold.lower(text);
            assertThat(literals).as("literals of /%s/ on %s", regex, text).anySatisfy(l -> assertThat(folded).contains(l));
        }
    }

    /** Event text is untrusted: the address and timestamp readers never throw, whatever they get. */
    @Property(tries = 2000)
    void eventTextParsersNeverThrow(
            @ForAll @StringLength(max = 40) @Chars({'0', '1', '9', 'f', ':', '.', '%', '[', ']', '-', 'T', ' ', 'Z'}) String text) {
        IpAddresses.parse(text);
        Timestamps.parts(text);
        Numbers.parseDecimal(text);
    }
}
