package org.exhunt.yara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.exhunt.yara.module.BuiltinModules;
import org.exhunt.yara.module.ModuleSchema;
import org.exhunt.yara.module.ValueType;
import org.exhunt.yara.syntax.Rule;

/**
 * Reads YARA rule files and checks them as {@code yarac} does. Each file added is accepted or
 * rejected whole; rules of accepted files see the rules of files accepted before them.
 *
 * <pre>{@code
 * YaraCompiler c = new YaraCompiler().defineExternal("filename", "");
 * c.addFile(Path.of("rules/webshells.yar"));
 * YaraRules rules = c.rules();
 * rules.problems().forEach(System.err::println);
 * }</pre>
 *
 * <p>The external variables {@code filename}, {@code filepath}, {@code extension},
 * {@code filetype} and {@code owner} are predefined as empty strings; the modules {@code math},
 * {@code hash} and {@code pe} are known.
 */
public final class YaraCompiler {

    /** How deep includes may nest before a file is rejected. */
    public static final int MAX_INCLUDE_DEPTH = 16;

    private static final List<String> DEFAULT_EXTERNALS = List.of("filename", "filepath", "extension", "filetype", "owner");

    private final Map<String, Object> externalValues = new LinkedHashMap<>();
    private final Map<String, ValueType.Scalar> externalTypes = new LinkedHashMap<>();
    private final Map<String, ModuleSchema> modules = new LinkedHashMap<>();
    private final Map<String, Rule> acceptedRules = new LinkedHashMap<>();
    private final Set<String> importedModules = new LinkedHashSet<>();
    private final List<YaraProblem> problems = new ArrayList<>();
    private final List<String> acceptedFiles = new ArrayList<>();
    private final List<String> rejectedFiles = new ArrayList<>();
    private RegexValidator regexValidator = RegexValidator.basic();

    public YaraCompiler() {
        DEFAULT_EXTERNALS.forEach(n -> defineExternal(n, ""));
        BuiltinModules.all().forEach(this::addModule);
    }

    /**
     * Declares an external variable and its default value: a {@link String}, {@link Boolean},
     * integer ({@link Long} or {@link Integer}) or floating-point number ({@link Double}, {@link Float}).
     */
    public YaraCompiler defineExternal(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("external variable name \"" + name + "\" is not an identifier");
        }
        Object normalized;
        ValueType.Scalar type;
        if (value instanceof String) {
            normalized = value;
            type = ValueType.Scalar.STRING;
        } else if (value instanceof Boolean) {
            normalized = value;
            type = ValueType.Scalar.BOOLEAN;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            normalized = ((Number) value).longValue();
            type = ValueType.Scalar.INTEGER;
        } else if (value instanceof Double || value instanceof Float) {
            normalized = ((Number) value).doubleValue();
            type = ValueType.Scalar.FLOAT;
        } else {
            throw new IllegalArgumentException("external variable \"" + name + "\" must be a string, boolean, integer or float, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        externalValues.put(name, normalized);
        externalTypes.put(name, type);
        return this;
    }

    /** Makes a module importable; replaces a known module of the same name. */
    public YaraCompiler addModule(ModuleSchema schema) {
        modules.put(schema.name(), schema);
        return this;
    }

    /** Replaces the structural regex check with the regex engine's own. */
    public YaraCompiler regexValidator(RegexValidator validator) {
        this.regexValidator = Objects.requireNonNull(validator, "validator");
        return this;
    }

    /** Reads and checks a rule file; includes resolve against its folder. True when accepted. */
    public boolean addFile(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(YaraProblem.ofFile(name, "can't open rule file: " + e.getMessage()));
            rejectedFiles.add(name);
            return false;
        }
        return compile(name, file, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * Checks rule text (encoded as UTF-8 for matching, as a file would be); includes resolve
     * against the working directory. True when accepted.
     */
    public boolean addText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return compile(name, null, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Everything accepted so far, and the problems of the files rejected. */
    public YaraRules rules() {
        return new YaraRules(new ArrayList<>(acceptedRules.values()), importedModules, externalValues, problems,
                acceptedFiles, rejectedFiles);
    }

    private boolean compile(String name, Path file, String source) {
        Namespace names = new Namespace(externalTypes, modules, acceptedRules);
        List<YaraProblem> found = new CompilationUnit(names, regexValidator, MAX_INCLUDE_DEPTH).compile(name, file, source);
        if (!found.isEmpty()) {
            problems.addAll(found);
            rejectedFiles.add(name);
            return false;
        }
        acceptedRules.putAll(names.pendingRules());
        importedModules.addAll(names.importedModules());
        acceptedFiles.add(name);
        return true;
    }
}
