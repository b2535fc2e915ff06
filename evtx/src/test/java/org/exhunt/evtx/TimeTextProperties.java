package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The event XML form of time stamps, written digit by digit for speed, against the general formatter. */
class TimeTextProperties {

    @Property(tries = 3000)
    void anyFiletimeIsWrittenAsTheGeneralFormatterWritesIt(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long ticks) {
        Instant t = TimeText.fromFiletime(ticks);
        assertThat(TimeText.windows(t)).isEqualTo(TimeText.windowsSlowly(t));
    }

    @Property(tries = 1000)
    void timesOfTheSameDayAndOfOtherDaysAlternatingStayRight(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long a,
                                                              @ForAll @LongRange(min = 0, max = 999_999_999L) long nanos) {
        Instant first = Instant.ofEpochSecond(a, nanos);
        Instant sameDay = Instant.ofEpochSecond(a - a % 86_400, 0);
        Instant other = Instant.ofEpochSecond(a / 2, nanos);
        for (Instant t : new Instant[] {first, sameDay, other, first}) {
            assertThat(TimeText.windows(t)).isEqualTo(TimeText.windowsSlowly(t)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
        }
    }
}
