package org.exhunt.hunt.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** A finding's compact field map reads exactly as the ordered map it was made from. */
class MatchedFieldsProperties {

    @Property(tries = 300)
    void itKeepsOrderValuesNullsAndEqualityOfTheMapItCopies(
            @ForAll @Size(max = 12) List<@StringLength(max = 6) String> keys,
            @ForAll @Size(max = 12) List<@StringLength(max = 8) String> values) {
        Map<String, Object> source = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            source.put(keys.get(i), i < values.size() ? values.get(i) : null);
        }

        Map<String, Object> copy = MatchedFields.copyOf(source);

        assertThat(new ArrayList<>(copy.keySet())).containsExactlyElementsOf(source.keySet());
        assertThat(new ArrayList<>(copy.values())).containsExactlyElementsOf(source.values());
        assertThat(copy).isEqualTo(source);
        assertThat(copy.hashCode()).isEqualTo(source.hashCode());
        for (String k : keys) {
            assertThat(copy.containsKey(k)).isTrue();
            assertThat(copy.get(k)).isEqualTo(source.get(k));
        }
        assertThat(copy.get("\u0000absent")).isNull();
        assertThat(copy.containsKey("\u0000absent")).isFalse();
        assertThat(MatchedFields.copyOf(copy)).isSameAs(copy);
    }

    @Property(tries = 50)
    void itCannotBeChanged(@ForAll @StringLength(min = 1, max = 5) String key) {
        Map<String, Object> copy = MatchedFields.copyOf(Map.of(key, "v"));

        assertThatThrownBy(() -> copy.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove(key)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
