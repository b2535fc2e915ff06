package org.exhunt.sigma.value;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for the inputs this package does not control: rule values with any modifier
 * chain, and event text fed to every matcher. Compiling may refuse with a ValueException, but
 * nothing else may escape. Runs its seeds as a regression test in normal builds; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class ValueFuzzTest {
    private static final String[] MODIFIERS = {"contains", "startswith", "endswith", "all", "neq", "cased",
        "exists", "windash", "expand", "re", "i", "m", "s", "base64", "base64offset", "utf16le", "utf16be",
        "utf16", "wide", "lt", "lte", "gt", "gte", "minute", "hour", "day", "week", "month", "year", "cidr",
        "fieldref"};

    @FuzzTest(maxDuration = "10s")
    void anyValueAndModifiersCompileOrRefuseAndNeverThrowOnEvents(FuzzedDataProvider data) {
        List<String> mods = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            mods.add(data.pickValue(MODIFIERS));
        }
        Object value = switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeLong();
            case 1 -> data.consumeBoolean();
            case 2 -> null;
            default -> data.consumeString(40);
        };
        String text = data.consumeRemainingAsString();
        FieldPredicate p;
        try {
            List<Object> values = new ArrayList<>();
            values.add(value);
            p = FieldPredicates.compile("f", mods, values, Predicates.placeholders(java.util.Map.of("p", List.of("x*"))));
        } catch (ValueException refused) {
            return;
        }
        p.test(TestEvent.of("f", text, "g", text));
        p.test(TestEvent.of("f", List.of(text, "")));
        IpAddresses.parse(text);
        Timestamps.parts(text);
    }
}
