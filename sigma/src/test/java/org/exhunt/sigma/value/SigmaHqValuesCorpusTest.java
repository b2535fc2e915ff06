package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every detection item of the SigmaHQ rule repository (in the shared corpus) compiles, apart
 * from the few that use placeholders nobody configured here. This pins the modifier
 * combination rules to what real rules write.
 */
class SigmaHqValuesCorpusTest {

    private static Path corpus() {
        String configured = System.getProperty("exhunt.corpus");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "corpus");
        Path sigma = root.resolve("sigma");
        assertThat(sigma).as("SigmaHQ rules of the test corpus (set -Dexhunt.corpus)").isDirectory();
        return sigma;
    }

    @Test
    void everyDetectionItemOfSigmaHqRulesCompiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus())) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> p.toString().contains("/rules")).sorted().toList();
        }
        int[] items = {0, 0};
        List<String> failures = new ArrayList<>();
        ValueContext anyPlaceholder = new ValueContext() {
            @Override
            public List<String> placeholder(String name) {
                return List.of("placeholder-" + name);
            }

            @Override
            public String mapField(String ruleField) {
                return ruleField;
            }
        };
        for (Path file : files) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Object doc : yaml.loadAll(r)) {
                    if (doc instanceof Map<?, ?> m && m.get("detection") instanceof Map<?, ?> detection) {
                        for (Map.Entry<?, ?> e : detection.entrySet()) {
                            if (!"condition".equals(e.getKey()) && !"timeframe".equals(e.getKey())) {
                                compileSearch(e.getValue(), anyPlaceholder, items, failures, file);
                            }
                        }
                    }
                }
            }
        }
        System.out.println(items[0] + " detection items in " + files.size() + " files, " + failures.size()
                + " rejected, " + items[1] + " with required literals");
        failures.forEach(System.out::println);
        assertThat(items[0]).as("detection items found").isGreaterThan(10_000);
        assertThat(failures).as("items that did not compile").hasSizeLessThan(Math.max(1, items[0] / 1000));
    }

    private static void compileSearch(Object search, ValueContext ctx, int[] items, List<String> failures, Path file) {
        if (search instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String[] parts = String.valueOf(e.getKey()).split("\\|");
                String field = parts[0].isEmpty() ? null : parts[0];
                List<String> mods = Arrays.asList(parts).subList(1, parts.length);
                List<Object> values = e.getValue() instanceof List<?> l ? new ArrayList<>(l) : Arrays.asList(e.getValue());
                compileOne(field, mods, values, ctx, items, failures, file);
            }
        } else if (search instanceof List<?> list) {
            List<Object> keywords = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof Map<?, ?>) {
                    compileSearch(o, ctx, items, failures, file);
                } else {
                    keywords.add(o);
                }
            }
            if (!keywords.isEmpty()) {
                compileOne(null, List.of(), keywords, ctx, items, failures, file);
            }
        }
    }

    private static void compileOne(String field, List<String> mods, List<Object> values, ValueContext ctx,
            int[] items, List<String> failures, Path file) {
        items[0]++;
        try {
            FieldPredicate p = FieldPredicates.compile(field, mods, values, ctx);
            assertThat(p.field()).isEqualTo(field);
            if (p.requiredLiterals() != null) {
                items[1]++;
            }
        } catch (ValueException e) {
            failures.add(file.getFileName() + ": " + e.getMessage());
        }
    }
}
