package org.exhunt.hunt.ioc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: IOC lists come from users and feeds, so any text must load into entries and
 * problems without an exception, and the matcher built from it must accept any event. Runs its
 * seeds as a regression test; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IocListFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void loading_any_text_never_throws(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        IocSet set = IocSet.parse("fuzz.tsv", text);
        for (IocProblem p : set.problems()) {
            if (p.line() < 0) throw new IllegalStateException("negative line in " + p);
        }
        IocMatcher matcher = set.matcher();
        String probe = text.length() > 64 ? text.substring(0, 64) : text;
        matcher.match(TestEvent.of("c-ip", probe, "cs-user-agent", probe, "cs-uri-stem", probe, "sc-status", "200"));
        set.literals();
    }
}
