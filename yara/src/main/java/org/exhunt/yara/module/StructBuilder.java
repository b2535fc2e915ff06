package org.exhunt.yara.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds a {@link ValueType.Struct} field by field; overloads of one function name accumulate. */
public final class StructBuilder {

    private final Map<String, ValueType> fields = new LinkedHashMap<>();
    private final Map<String, List<ValueType.Signature>> functions = new LinkedHashMap<>();

    public StructBuilder integer(String... names) {
        return scalars(ValueType.Scalar.INTEGER, names);
    }

    public StructBuilder floating(String... names) {
        return scalars(ValueType.Scalar.FLOAT, names);
    }

    public StructBuilder string(String... names) {
        return scalars(ValueType.Scalar.STRING, names);
    }

    public StructBuilder field(String name, ValueType type) {
        fields.put(name, type);
        return this;
    }

    public StructBuilder struct(String name, Consumer<StructBuilder> body) {
        return field(name, build(body));
    }

    public StructBuilder arrayOfStructs(String name, Consumer<StructBuilder> body) {
        return field(name, new ValueType.ArrayOf(build(body)));
    }

    /** Adds one overload of {@code name}. */
    public StructBuilder function(String name, ValueType.Scalar result, ValueType.Scalar... parameters) {
        functions.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new ValueType.Signature(Arrays.asList(parameters), result));
        return this;
    }

    public ValueType.Struct build() {
        Map<String, ValueType> all = new LinkedHashMap<>(fields);
        functions.forEach((name, overloads) -> all.put(name, new ValueType.Function(overloads)));
        return new ValueType.Struct(all);
    }

    public static ValueType.Struct build(Consumer<StructBuilder> body) {
        StructBuilder b = new StructBuilder();
        body.accept(b);
        return b.build();
    }

    private StructBuilder scalars(ValueType.Scalar type, String... names) {
        for (String n : names) {
            fields.put(n, type);
        }
        return this;
    }
}
