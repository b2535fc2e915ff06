package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exhunt.sigma.CorrelationRule;
import org.exhunt.sigma.correlation.CorrelationCondition.Comparison;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every example of the specification's correlation test folder parses to what it says. */
class CorrelationParserSpecExamplesTest {

    private static final String FOLDER = "sigma-specification/tests/schema/correlation";

    private static CorrelationRule parse(String file) throws IOException {
        Path path = Corpus.path(FOLDER + "/" + file);
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path));
        return CorrelationParser.parse(doc, path.toString(), 1);
    }

    @Test
    void everyExampleFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Corpus.path(FOLDER))) {
            files = list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : files) {
            CorrelationRule rule = parse(file.getFileName().toString());
            assertThat(rule.type().keyword()).as(file.toString())
                    .isEqualTo(file.getFileName().toString().replace("_ecs", "").replace(".yml", ""));
        }
    }

    @Test
    void eventCount() throws IOException {
        CorrelationRule rule = parse("event_count.yml");
        assertThat(rule.title()).isEqualTo("Many failed logins");
        assertThat(rule.id()).isEqualTo("0e95725d-7320-415d-80f7-004da920fc11");
        assertThat(rule.type()).isEqualTo(CorrelationType.EVENT_COUNT);
        assertThat(rule.ruleRefs()).containsExactly("5638f7c0-ac70-491d-8465-2a65075e0d86");
        assertThat(rule.groupBy()).containsExactly("ComputerName");
        assertThat(rule.timespan()).isEqualTo(Duration.ofHours(1));
        assertThat(rule.condition().comparisons()).containsExactly(new Comparison(ComparisonOperator.GTE, 100));
        assertThat(rule.condition().fields()).isEmpty();
        assertThat(rule.generate()).isFalse();
        assertThat(rule.source()).endsWith("event_count.yml");
        assertThat(rule.line()).isEqualTo(1);
    }

    @Test
    void eventCountWithDottedFieldNames() throws IOException {
        assertThat(parse("event_count_ecs.yml").groupBy()).containsExactly("dns.question.name");
    }

    @Test
    void valueCount() throws IOException {
        CorrelationRule rule = parse("value_count.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_COUNT);
        assertThat(rule.groupBy()).containsExactly("ComputerName", "WorkstationName");
        assertThat(rule.timespan()).isEqualTo(Duration.ofDays(1));
        assertThat(rule.condition().fields()).containsExactly("User");
        assertThat(rule.condition().comparisons()).containsExactly(new Comparison(ComparisonOperator.GTE, 100));
    }

    @Test
    void temporalWithoutConditionWantsEveryRule() throws IOException {
        CorrelationRule rule = parse("temporal.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.TEMPORAL);
        assertThat(rule.ruleRefs()).containsExactly("recon_cmd_a", "recon_cmd_b", "recon_cmd_c");
        assertThat(rule.timespan()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rule.condition().comparisons()).containsExactly(new Comparison(ComparisonOperator.GTE, 3));
    }

    @Test
    void temporalOrdered() throws IOException {
        CorrelationRule rule = parse("temporal_ordered.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.TEMPORAL_ORDERED);
        assertThat(rule.groupBy()).containsExactly("ComputerName", "User");
        assertThat(rule.condition().test(3)).isTrue();
        assertThat(rule.condition().test(2)).isFalse();
    }

    @Test
    void valueSum() throws IOException {
        CorrelationRule rule = parse("value_sum.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_SUM);
        assertThat(rule.condition().fields()).containsExactly("bytes_sent");
        assertThat(rule.condition().comparisons()).containsExactly(new Comparison(ComparisonOperator.GT, 1000000));
    }

    @Test
    void valueAvg() throws IOException {
        CorrelationRule rule = parse("value_avg.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_AVG);
        assertThat(rule.timespan()).isEqualTo(Duration.ofHours(24));
        assertThat(rule.condition().fields()).containsExactly("BytesOut");
    }

    @Test
    void valuePercentileDefaultsToTheMedian() throws IOException {
        CorrelationRule rule = parse("value_percentile.yml");
        assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_PERCENTILE);
        assertThat(rule.condition().fields()).containsExactly("Image");
        assertThat(rule.condition().percentile()).isEqualTo(50);
        assertThat(rule.condition().comparisons()).containsExactly(new Comparison(ComparisonOperator.LTE, 1));
    }
}
