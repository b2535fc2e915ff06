package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExchangeBuildTest {

    @Test
    void shortAndLongFormsReadAsTheSameBuild() {
        assertThat(ExchangeBuild.parse("15.2.792.10")).isEqualTo(new ExchangeBuild(15, 2, 792, 10));
        assertThat(ExchangeBuild.parse("15.02.0792.010")).isEqualTo(new ExchangeBuild(15, 2, 792, 10));
        assertThat(ExchangeBuild.parse("  15.1.2242.4 ")).isEqualTo(new ExchangeBuild(15, 1, 2242, 4));
    }

    @Test
    void threeNumbersNameACuLineWithoutItsUpdate() {
        ExchangeBuild line = ExchangeBuild.parse("15.2.792");
        assertThat(line.hasRevision()).isFalse();
        assertThat(line).hasToString("15.2.792");
        assertThat(ExchangeBuild.parse("15.2.792.15").line()).isEqualTo(line);
        assertThat(ExchangeBuild.parse("15.2.792.15").sameLine(ExchangeBuild.parse("15.2.792.3"))).isTrue();
        assertThat(ExchangeBuild.parse("15.2.858.5").sameLine(ExchangeBuild.parse("15.2.792.3"))).isFalse();
    }

    @Test
    void textThatIsNotABuildIsRejectedWithAnExample() {
        for (String bad : new String[] {"", "15", "15.2", "15.2.x.10", "15..792.10", "15.2.792.10.1", "v15.2.792.10",
                "15.2.792.", "99999999.2.792.10"}) {
            assertThat(ExchangeBuild.tryParse(bad)).as(bad).isNull();
        }
        assertThatThrownBy(() -> ExchangeBuild.parse("15.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'15.2'").hasMessageContaining("15.2.792.10");
    }

    @Test
    void buildsOrderNumericallyPartByPart() {
        assertThat(ExchangeBuild.parse("15.2.792.13")).isGreaterThan(ExchangeBuild.parse("15.2.792.9"));
        assertThat(ExchangeBuild.parse("15.2.1118.7")).isGreaterThan(ExchangeBuild.parse("15.2.986.42"));
        assertThat(ExchangeBuild.parse("15.2.792")).isLessThan(ExchangeBuild.parse("15.2.792.0"));
    }

    @Test
    void longFormPadsAsExchangePrintsIt() {
        assertThat(ExchangeBuild.parse("15.2.986.5").longForm()).isEqualTo("15.02.0986.005");
        assertThat(ExchangeBuild.parse("15.0.847").longForm()).isEqualTo("15.00.0847");
    }

    @Property
    void bothFormsReadBackToTheSameBuild(@ForAll @IntRange(min = 0, max = 99) int major, @ForAll @IntRange(min = 0, max = 9) int minor,
                                         @ForAll @IntRange(min = 0, max = 9999) int build, @ForAll @IntRange(min = 0, max = 999) int revision) {
        ExchangeBuild b = new ExchangeBuild(major, minor, build, revision);
        assertThat(ExchangeBuild.parse(b.toString())).isEqualTo(b);
        assertThat(ExchangeBuild.parse(b.longForm())).isEqualTo(b);
    }

    @Property
    void arbitraryTextNeverThrowsFromTryParse(@ForAll String text) {
        ExchangeBuild b = ExchangeBuild.tryParse(text);
        if (b != null) assertThat(ExchangeBuild.parse(b.toString())).isEqualTo(b);
    }
}
