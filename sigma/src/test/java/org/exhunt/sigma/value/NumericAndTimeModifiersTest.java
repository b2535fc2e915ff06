package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.failure;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import org.junit.jupiter.api.Test;

/** lt, lte, gt, gte and the time-part modifiers. */
class NumericAndTimeModifiersTest {

    @Test
    void comparisonsReadNumbersAndNumericText() {
        assertThat(matchesF(item("f|lt", 10), "9")).isTrue();
        assertThat(matchesF(item("f|lt", 10), 10L)).isFalse();
        assertThat(matchesF(item("f|lte", 10), 10L)).isTrue();
        assertThat(matchesF(item("f|gt", 10), "10.5")).isTrue();
        assertThat(matchesF(item("f|gte", 10), "9.99")).isFalse();
        assertThat(matchesF(item("f|gt", 1), "abc")).isFalse();
        assertThat(matchesF(item("f|gt", 1), "0x10")).isFalse();
    }

    @Test
    void largeIntegersCompareExactly() {
        assertThat(matchesF(item("f|gt", 9007199254740992L), 9007199254740993L)).isTrue();
    }

    @Test
    void comparisonNeedsANumber() {
        assertThat(failure("f|gt", "ten").getMessage()).contains("'gt' needs a number");
        assertThat(failure("f|gt|contains", 1).getMessage()).contains("cannot be combined");
    }

    @Test
    void timePartsReadTheTimestampAsWritten() {
        String t = "2021-03-02T05:12:33.123Z";
        assertThat(matchesF(item("f|year", 2021), t)).isTrue();
        assertThat(matchesF(item("f|month", 3), t)).isTrue();
        assertThat(matchesF(item("f|day", 2), t)).isTrue();
        assertThat(matchesF(item("f|hour", 5), t)).isTrue();
        assertThat(matchesF(item("f|minute", 12), t)).isTrue();
        assertThat(matchesF(item("f|week", 9), t)).isTrue();
        assertThat(matchesF(item("f|hour", 6), t)).isFalse();
        // no time-zone conversion: the hour is the one written
        assertThat(matchesF(item("f|hour", 23), "2021-03-02 23:59:00+05:00")).isTrue();
    }

    @Test
    void timePartsOfNonTimestampsNeverMatch() {
        assertThat(matchesF(item("f|hour", 5), "yesterday")).isFalse();
        assertThat(matchesF(item("f|hour", 0), "2021-03-02")).isFalse();
        assertThat(matchesF(item("f|day", 2), "2021-03-02")).isTrue();
    }

    @Test
    void timePartOutOfRangeIsRejected() {
        assertThat(failure("f|hour", 24).getMessage()).contains("from 0 to 23");
        assertThat(failure("f|month", 0).getMessage()).contains("from 1 to 12");
    }

    @Test
    void timePartsTakeOneOrMoreValuesAsOr() {
        FieldPredicate p = item("f|hour", 22, 23, 0);
        assertThat(matchesF(p, "2021-03-02 23:10:00")).isTrue();
        assertThat(matchesF(p, "2021-03-02 12:10:00")).isFalse();
    }
}
