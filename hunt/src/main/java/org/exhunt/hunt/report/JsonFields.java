package org.exhunt.hunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;

/**
 * Writes the parts of a report that more than one JSON format shares (a finding above all), so
 * the JSON report and the JSONL stream cannot drift apart. Keys are snake_case, times ISO-8601 UTC.
 */
final class JsonFields {

    private JsonFields() {
    }

    static void time(JsonGenerator gen, String name, Instant time) throws IOException {
        if (time == null) {
            gen.writeNullField(name);
        } else {
            gen.writeStringField(name, time.toString());
        }
    }

    static void nullableString(JsonGenerator gen, String name, String value) throws IOException {
        if (value == null) {
            gen.writeNullField(name);
        } else {
            gen.writeStringField(name, value);
        }
    }

    static void stringArray(JsonGenerator gen, String name, List<String> values) throws IOException {
        gen.writeArrayFieldStart(name);
        for (String value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }

    static void finding(JsonGenerator gen, Finding finding) throws IOException {
        gen.writeStartObject();
        gen.writeObjectFieldStart("rule");
        gen.writeStringField("id", finding.rule().id());
        gen.writeStringField("title", finding.rule().title());
        gen.writeStringField("level", finding.level().word());
        stringArray(gen, "tags", finding.rule().tags());
        gen.writeEndObject();
        gen.writeStringField("engine", finding.engine());
        time(gen, "time", finding.time());
        source(gen, finding.source());
        gen.writeObjectFieldStart("matched");
        for (Map.Entry<String, Object> entry : finding.matched().entrySet()) {
            gen.writeFieldName(entry.getKey());
            value(gen, entry.getValue());
        }
        gen.writeEndObject();
        actor(gen, finding.actor());
        gen.writeEndObject();
    }

    /** Only the position the source has: a line for text logs, a record for record-based logs. */
    private static void source(JsonGenerator gen, SourceRef source) throws IOException {
        gen.writeObjectFieldStart("source");
        gen.writeStringField("path", source == null ? "" : source.path());
        if (source != null) {
            if (source.line() >= 0) gen.writeNumberField("line", source.line());
            if (source.record() >= 0) gen.writeNumberField("record", source.record());
            if (source.offset() >= 0) gen.writeNumberField("offset", source.offset());
        }
        gen.writeEndObject();
    }

    private static void actor(JsonGenerator gen, Actor actor) throws IOException {
        Actor known = actor == null ? Actor.UNKNOWN : actor;
        gen.writeObjectFieldStart("actor");
        nullableString(gen, "ip", known.ip());
        nullableString(gen, "user", known.user());
        nullableString(gen, "user_agent", known.userAgent());
        gen.writeEndObject();
    }

    /**
     * A matched value as plain JSON. Engines put strings, numbers, lists and maps here; anything
     * else is written as its text so an unexpected type never breaks a report.
     */
    static void value(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof CharSequence text) {
            gen.writeString(text.toString());
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d)) gen.writeNumber(number.toString()); else gen.writeString(number.toString());
        } else if (value instanceof byte[] bytes) {
            gen.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Instant instant) {
            gen.writeString(instant.toString());
        } else if (value instanceof TemporalAccessor temporal) {
            gen.writeString(temporal.toString());
        } else if (value instanceof Collection<?> items) {
            gen.writeStartArray();
            for (Object item : items) value(gen, item);
            gen.writeEndArray();
        } else if (value instanceof Object[] items) {
            gen.writeStartArray();
            for (Object item : items) value(gen, item);
            gen.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                gen.writeFieldName(String.valueOf(entry.getKey()));
                value(gen, entry.getValue());
            }
            gen.writeEndObject();
        } else {
            gen.writeString(value.toString());
        }
    }
}
