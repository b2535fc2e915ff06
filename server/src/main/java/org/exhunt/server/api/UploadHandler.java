package org.exhunt.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.exhunt.server.auth.Principal;
import org.exhunt.server.auth.Role;
import org.exhunt.server.store.NewScan;
import org.exhunt.server.store.SaveOutcome;
import org.exhunt.server.store.ScanStore;

/**
 * {@code POST /api/v1/scans}: takes one report JSON, checks its size, syntax and schema, stores
 * it in one transaction and answers 201 with its id; the same report again answers 200 with the
 * same id, a different report reusing a scan id 409. The answer is sent only after the commit,
 * so a report the agent saw accepted survives a crash of the server.
 */
final class UploadHandler {

    private static final int MAX_PROBLEMS = 20;

    private final ScanStore scans;
    private final ReportSchema schema;
    private final long maxBytes;
    private final Clock clock;

    UploadHandler(ScanStore scans, ReportSchema schema, long maxBytes, Clock clock) {
        this.scans = scans;
        this.schema = schema;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    void handle(Context ctx) throws IOException {
        Principal p = Access.require(ctx, Role.AGENT);
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the report as application/json, not " + contentType);
        }
        String body = readBody(ctx);
        JsonNode report = parse(body);
        List<String> problems = schema.problems(report, MAX_PROBLEMS);
        if (!problems.isEmpty()) {
            ObjectNode n = Json.object();
            n.put("error", "the report does not match the exhunt report schema (" + problems.size()
                    + (problems.size() == MAX_PROBLEMS ? "+" : "") + " problems)");
            problems.forEach(n.putArray("problems")::add);
            Json.send(ctx, 422, n);
            return;
        }
        NewScan scan = ReportDigest.digest(p.tenant(), report, body, ctx.queryParam("host"), clock.instant());
        SaveOutcome saved = scans.save(scan);
        ObjectNode n = Json.object();
        n.put("id", saved.id());
        n.put("host", scan.host());
        n.put("verdict", scan.verdict());
        n.put("scan_url", ApiRoutes.SCANS + "/" + saved.id());
        n.put("server_page", "/servers/" + UrlPath.segment(scan.host()));
        switch (saved.result()) {
            case CREATED -> {
                n.put("status", "created");
                ctx.header("Location", ApiRoutes.SCANS + "/" + saved.id());
                Json.send(ctx, 201, n);
            }
            case ALREADY_STORED -> {
                n.put("status", "already_stored");
                Json.send(ctx, 200, n);
            }
            case CONFLICT -> {
                n.put("status", "conflict");
                n.put("error", "scan id " + report.path("scan").path("id").asText()
                        + " was already uploaded with a different report (stored as " + saved.id() + ")");
                Json.send(ctx, 409, n);
            }
        }
    }

    private String readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(declared);
        ByteArrayOutputStream buf = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 1 << 20)));
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                // A chunked upload declares no length: stop reading as soon as it passes the cap.
                if (total > maxBytes) throw tooLarge(total);
                buf.write(chunk, 0, n);
            }
        }
        if (buf.size() == 0) throw new ApiException(400, "the upload is empty; send the report JSON as the body");
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(buf.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "the report is not UTF-8 text");
        }
    }

    private ApiException tooLarge(long size) {
        return new ApiException(413, "the report is larger than this server accepts (" + size + " > " + maxBytes
                + " bytes); start the server with a larger --max-upload or scan fewer inputs at once");
    }

    static JsonNode parse(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n == null || !n.isObject()) throw new ApiException(400, "the report must be one JSON object");
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(400, "the report is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
