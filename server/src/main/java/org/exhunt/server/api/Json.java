package org.exhunt.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;

/** Writes the API's JSON answers. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void send(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API answer could not be written as JSON", e);
        }
    }

    static void error(Context ctx, int status, String message) {
        ObjectNode n = object();
        n.put("error", message);
        send(ctx, status, n);
    }

    static void putTime(ObjectNode n, String key, Instant t) {
        if (t == null) n.putNull(key);
        else n.put(key, t.toString());
    }
}
