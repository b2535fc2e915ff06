package org.exhunt.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The report's JSON Schema, read from the hunt jar at start-up: the server accepts exactly what
 * the scanner of the same build writes, and grows with it (the schema only adds fields within a
 * major version), instead of checking against a copy that falls behind.
 */
final class ReportSchema {

    static final String RESOURCE = "org/exhunt/hunt/report/report.schema.json";

    private final JsonSchema schema;

    private ReportSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static ReportSchema load() {
        ClassLoader loader = ReportSchema.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report schema " + RESOURCE
                        + " is not on the class path; the exhunt-hunt jar is missing or too old");
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            return new ReportSchema(factory.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report schema " + RESOURCE, e);
        }
    }

    /** The schema violations of a report, at most {@code limit}, each naming the JSON path; empty when valid. */
    List<String> problems(JsonNode report, int limit) {
        Set<ValidationMessage> messages = schema.validate(report);
        return messages.stream().map(ValidationMessage::getMessage).sorted().limit(limit).toList();
    }
}
