package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exhunt.sigma.CorrelationRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever shape a YAML document has, the parser either builds a rule or rejects it with an
 * {@link IllegalArgumentException} that says why; nothing else escapes.
 */
class CorrelationParserPropertiesTest {

    private static final List<String> KEYS = List.of("title", "id", "name", "level", "status", "tags",
            "description", "correlation", "type", "rules", "group-by", "timespan", "condition", "aliases",
            "generate", "field", "percentile", "gt", "gte", "lt", "lte", "eq", "neq", "other");

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void anyDocumentParsesOrIsRejectedWithAReason(@ForAll("documents") Map<String, Object> doc) {
        try {
            CorrelationRule rule = CorrelationParser.parse(doc, "p.yml", 3);
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.ruleRefs()).isNotEmpty();
            assertThat(rule.timespan()).isPositive();
            assertThat(rule.condition().comparisons()).isNotEmpty();
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void wellFormedDocumentsAlwaysParse(@ForAll("wellFormed") Map<String, Object> doc) {
        CorrelationRule rule = CorrelationParser.parse(doc, "p.yml", 3);
        assertThat(rule.type().keyword()).isEqualTo(((Map<?, ?>) doc.get("correlation")).get("type"));
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<Object> section = map(value(2));
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.oneOf(value(2), section.map(o -> (Object) o)))
                .ofMaxSize(8).map(m -> {
                    Map<String, Object> doc = new HashMap<>(m);
                    if (doc.containsKey("correlation") && !(doc.get("correlation") instanceof Map)) {
                        Map<String, Object> wrapped = new HashMap<>();
                        wrapped.put("type", doc.get("correlation"));
                        doc.put("correlation", wrapped);
                    }
                    return doc;
                });
    }

    @Provide
    Arbitrary<Map<String, Object>> wellFormed() {
        Arbitrary<String> type = Arbitraries.of(CorrelationType.values()).map(CorrelationType::keyword);
        Arbitrary<List<String>> rules = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5)
                .list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<String> timespan = Arbitraries.integers().between(1, 999)
                .flatMap(n -> Arbitraries.of("s", "m", "h", "d").map(u -> n + u));
        Arbitrary<String> op = Arbitraries.of("gt", "gte", "lt", "lte", "eq", "neq");
        return net.jqwik.api.Combinators.combine(type, rules, timespan, op, Arbitraries.integers().between(0, 1000))
                .as((t, r, s, o, n) -> {
                    Map<String, Object> condition = new LinkedHashMap<>();
                    condition.put(o, n);
                    if (CorrelationType.fromKeyword(t).aggregatesField()) {
                        condition.put("field", "f");
                    }
                    Map<String, Object> section = new LinkedHashMap<>();
                    section.put("type", t);
                    section.put("rules", new ArrayList<>(r));
                    section.put("group-by", List.of("g"));
                    section.put("timespan", s);
                    section.put("condition", condition);
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("title", "t");
                    doc.put("correlation", section);
                    return doc;
                });
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.of("event_count", "value_count", "temporal", "temporal_ordered", "value_sum",
                        "value_avg", "value_percentile", "5m", "1h", "0s", "x", "", "a", "b", "-1", "1e400",
                        "NaN").map(o -> (Object) o),
                Arbitraries.integers().between(-5, 200).map(o -> (Object) o),
                Arbitraries.doubles().map(o -> (Object) o),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(o -> (Object) o),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(o -> (Object) o);
        return Arbitraries.oneOf(scalar, scalar, list, map(value(depth - 1)));
    }

    private static Arbitrary<Object> map(Arbitrary<Object> values) {
        return Arbitraries.maps(Arbitraries.of(KEYS), values).ofMaxSize(6).map(m -> (Object) new HashMap<>(m));
    }
}
