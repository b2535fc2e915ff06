package org.exhunt.yara.module;

/** {@code dotnet}: the CLI metadata of .NET assemblies (streams, GUIDs, resources, assembly and references). */
final class DotnetModule {

    static final ModuleSchema SCHEMA = new ModuleSchema("dotnet", StructBuilder.build(b -> {
        b.integer("is_dotnet", "number_of_streams", "number_of_guids", "number_of_resources", "number_of_modulerefs",
                "number_of_assembly_refs", "number_of_user_strings", "number_of_field_offsets", "number_of_constants");
        b.string("version", "module_name", "typelib");
        b.arrayOfStructs("streams", s -> s.string("name").integer("offset", "size"));
        b.field("guids", new ValueType.ArrayOf(ValueType.Scalar.STRING));
        b.arrayOfStructs("resources", r -> r.integer("offset", "length").string("name"));
        b.struct("assembly", a -> a.string("name", "culture")
                .struct("version", v -> v.integer("major", "minor", "build_number", "revision_number")));
        b.field("modulerefs", new ValueType.ArrayOf(ValueType.Scalar.STRING));
        b.arrayOfStructs("assembly_refs", a -> a.string("name", "public_key_or_token")
                .struct("version", v -> v.integer("major", "minor", "build_number", "revision_number")));
        b.field("user_strings", new ValueType.ArrayOf(ValueType.Scalar.STRING));
        b.field("field_offsets", new ValueType.ArrayOf(ValueType.Scalar.INTEGER));
        b.field("constants", new ValueType.ArrayOf(ValueType.Scalar.STRING));
    }));

    private DotnetModule() {
    }
}
