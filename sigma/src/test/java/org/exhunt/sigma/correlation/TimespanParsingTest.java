package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimespanParsingTest {

    @Test
    void readsEveryUnitTheSpecificationNames() {
        assertThat(Timespans.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Timespans.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timespans.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Timespans.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Timespans.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Timespans.parse("2w")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void rejectsUpperCaseUnitsMissingNumbersAndSigns() {
        for (String bad : new String[] {"5M", "1H", "m", "", "-5m", "+5m", "5", "1.5h", "5mm", " 5m", "1y"}) {
            assertThatThrownBy(() -> Timespans.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("timespan");
        }
        assertThatThrownBy(() -> Timespans.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aNumberAndUnitReadAsThatManyUnits(@ForAll @LongRange(min = 1, max = 1_000_000) long count,
            @ForAll("units") char unit) {
        Duration expected = switch (unit) {
            case 's' -> Duration.ofSeconds(count);
            case 'm' -> Duration.ofMinutes(count);
            case 'h' -> Duration.ofHours(count);
            case 'd' -> Duration.ofDays(count);
            default -> Duration.ofDays(count * 7);
        };
        assertThat(Timespans.parse(count + String.valueOf(unit))).isEqualTo(expected);
    }

    @Property
    void anyTextEitherParsesOrIsRejectedWithAReason(@ForAll String text) {
        try {
            assertThat(Timespans.parse(text)).isPositive();
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).contains("timespan");
        }
    }

    @Provide
    Arbitrary<Character> units() {
        return Arbitraries.of('s', 'm', 'h', 'd', 'w');
    }
}
