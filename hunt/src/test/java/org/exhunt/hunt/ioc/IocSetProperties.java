package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IocSetProperties {

    @Property
    void anyTextLoadsWithoutThrowingAndEveryLineIsEitherAnEntryOrAccountedFor(@ForAll("listTexts") String text) {
        IocSet set = IocSet.parse("random.tsv", text);
        String[] lines = text.split("\r?\n|\r", -1);
        long meaningful = java.util.Arrays.stream(lines)
                .filter(l -> !l.isBlank() && !(l.startsWith("#") && !l.startsWith("#!"))).count();
        long directives = java.util.Arrays.stream(lines).filter(l -> l.startsWith("#!")).count();
        assertThat((long) set.size() + set.problems().size()).isBetween(meaningful - directives, meaningful);
        for (IocProblem p : set.problems()) {
            assertThat(p.line()).isBetween(1, lines.length);
            assertThat(p.toString()).startsWith("random.tsv:" + p.line() + ": ");
        }
    }

    @Property
    void everyValidAddressIsFoundByTheMatcherAfterLoading(@ForAll("ipv4s") List<String> addresses) {
        StringBuilder text = new StringBuilder();
        for (String a : addresses) text.append("ip\t").append(a).append("\tdescription\n");
        IocSet set = IocSet.parse("ips.tsv", text.toString());
        assertThat(set.entries()).hasSize((int) addresses.stream().distinct().count());
        IocMatcher matcher = set.matcher();
        for (String a : addresses) {
            assertThat(matcher.match(TestEvent.of("c-ip", a))).as(a).hasSize(1);
        }
    }

    @Provide
    Arbitrary<List<String>> ipv4s() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d)
                .list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> listTexts() {
        Arbitrary<String> type = Arbitraries.of("ip", "cidr", "user-agent", "uri-path", "sha256", "domain", "junk", "");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("192.0.2.1", "10.0.0.0/8", "::1", "/owa/auth/x.aspx", "C:\\a\\b.aspx", "a".repeat(64)));
        Arbitrary<String> entry = Combinators.combine(type, value, Arbitraries.strings().ofMaxLength(8))
                .as((t, v, d) -> t + "\t" + v.replace("\n", "").replace("\r", "") + "\t" + d.replace("\n", "").replace("\r", "").replace("\t", ""));
        Arbitrary<String> line = Arbitraries.oneOf(entry, Arbitraries.of("# note", "#! tags: a b", "#! nope", "", "x"),
                Arbitraries.strings().ofMaxLength(30).map(s -> s.replace("\n", " ").replace("\r", " ").replace("\uFEFF", "")));
        return line.list().ofMaxSize(15).map(l -> String.join("\n", l));
    }
}
