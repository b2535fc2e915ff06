package org.exhunt.yara.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.exhunt.yara.Yarac;
import org.junit.jupiter.api.Test;

/**
 * Every field, array, dictionary and function overload our module schemas declare is accepted by
 * the reference compiler (yarac 4.2.3), so rules we accept use nothing yara lacks; and every
 * builtin schema has a runtime.
 */
class SchemaAgreementTest {

    @Test
    void every_declared_member_compiles_in_yarac() throws Exception {
        Yarac.requireInstalled();
        List<String> rejected = new ArrayList<>();
        int members = 0;
        for (ModuleSchema schema : BuiltinModules.all()) {
            List<String> expressions = new ArrayList<>();
            expressions(schema.name(), schema.root(), expressions);
            members += expressions.size();
            if (compilesAll(schema.name(), expressions)) {
                continue;
            }
            // Some member is rejected: find which, one rule file each.
            for (String e : expressions) {
                if (!compiles(schema.name(), e)) {
                    rejected.add(e);
                }
            }
        }
        System.out.println("schema members accepted by yarac: " + (members - rejected.size()) + " of " + members);
        assertThat(rejected).isEmpty();
        assertThat(members).isGreaterThan(300);
    }

    @Test
    void a_member_yara_lacks_is_rejected_by_yarac() throws Exception {
        Yarac.requireInstalled();
        assertThat(compiles("pe", "defined pe.is_signed")).isFalse();
        assertThat(compiles("pe", "defined pe.number_of_sections")).isTrue();
    }

    @Test
    void every_builtin_schema_has_a_runtime() {
        for (ModuleSchema schema : BuiltinModules.all()) {
            assertThat(BuiltinRuntimes.forName(schema.name())).as(schema.name()).isPresent();
        }
        assertThat(BuiltinRuntimes.all()).hasSameSizeAs(BuiltinModules.all());
        assertThat(BuiltinRuntimes.forName("cuckoo")).isEmpty();
    }

    @Test
    void every_pe_constant_has_its_value_on_any_data() throws Exception {
        Map<String, Object> pe = BuiltinRuntimes.forName("pe").orElseThrow().load(new byte[0]);
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, ValueType> f : BuiltinModules.pe().root().fields().entrySet()) {
            if (f.getKey().equals(f.getKey().toUpperCase()) && f.getValue() == ValueType.Scalar.INTEGER) {
                assertThat(pe.get(f.getKey())).as(f.getKey()).isInstanceOf(Long.class);
                conditions.add(YaraOracle.equal("pe." + f.getKey(), pe.get(f.getKey())));
            }
        }
        assertThat(conditions).hasSizeGreaterThan(150);
        assertThat(YaraOracle.unconfirmed("pe", conditions, "x".getBytes())).isEmpty();
    }

    private static void expressions(String prefix, ValueType type, List<String> out) {
        if (type instanceof ValueType.Scalar) {
            out.add("defined " + prefix);
        } else if (type instanceof ValueType.Struct st) {
            st.fields().forEach((name, t) -> expressions(prefix + "." + name, t, out));
        } else if (type instanceof ValueType.ArrayOf a) {
            expressions(prefix + "[0]", a.element(), out);
        } else if (type instanceof ValueType.DictionaryOf d) {
            expressions(prefix + "[\"k\"]", d.element(), out);
        } else if (type instanceof ValueType.Function f) {
            for (ValueType.Signature s : f.overloads()) {
                List<String> args = new ArrayList<>();
                for (ValueType.Scalar p : s.parameters()) {
                    args.add(switch (p) {
                        case INTEGER -> "1";
                        case FLOAT -> "1.5";
                        case STRING -> "\"a\"";
                        case REGEX -> "/a/";
                        case BOOLEAN -> "true";
                    });
                }
                out.add("defined " + prefix + "(" + String.join(", ", args) + ")");
            }
        }
    }

    private static boolean compiles(String module, String condition) throws Exception {
        return compilesAll(module, List.of(condition));
    }

    /** Whether yarac accepts one file with a rule per condition. */
    private static boolean compilesAll(String module, List<String> conditions) throws Exception {
        Path rule = Files.createTempFile("schema", ".yar");
        try {
            StringBuilder text = new StringBuilder("import \"" + module + "\"\n");
            for (int i = 0; i < conditions.size(); i++) {
                text.append("rule r").append(i).append(" { condition: ").append(conditions.get(i)).append(" }\n");
            }
            Files.writeString(rule, text, StandardCharsets.ISO_8859_1);
            Process p = new ProcessBuilder("/usr/bin/yarac", rule.toString(), "/dev/null")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("yarac did not finish on " + conditions);
            }
            return p.exitValue() == 0;
        } finally {
            Files.deleteIfExists(rule);
        }
    }
}
