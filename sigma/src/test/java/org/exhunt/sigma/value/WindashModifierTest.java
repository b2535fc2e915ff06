package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.value.Predicates.item;
import static org.exhunt.sigma.value.Predicates.matchesF;

import java.util.List;
import org.junit.jupiter.api.Test;

/** windash: -, /, en dash, em dash and horizontal bar are interchangeable. */
class WindashModifierTest {

    @Test
    void everyDashVariantMatches() {
        FieldPredicate p = item("f|contains|windash", " -exec bypass");
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertThat(matchesF(p, "powershell.exe " + dash + "exec bypass")).as(dash).isTrue();
        }
        assertThat(matchesF(p, "powershell.exe exec bypass")).isFalse();
        assertThat(matchesF(p, "powershell.exe _exec bypass")).isFalse();
    }

    @Test
    void windashBeforeContainsWorksTheSame() {
        assertThat(matchesF(item("f|windash|contains", "-s "), "cmd /s x")).isTrue();
    }

    @Test
    void permutationsCoverEveryCombination() throws ValueException {
        List<SigmaString> all = WindowsDash.permutations(SigmaString.parse("-a /b", false));
        assertThat(all).hasSize(25);
        assertThat(all.stream().map(SigmaString::plainText)).contains("/a -b", "\u2013a \u2015b", "-a /b");
    }

    @Test
    void windashLiteralsSkipTheDashes() {
        assertThat(item("f|contains|windash", "-encodedcommand").requiredLiterals()).containsExactly("encodedcommand");
    }
}
