package org.exhunt.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.server.store.ActorSighting;
import org.exhunt.server.store.NewScan;

/**
 * Reads what the fleet needs out of a validated report: the host, the scan id, verdict,
 * exposure and the client addresses of its chains. The report itself is kept whole.
 */
final class ReportDigest {

    /** The host name used when neither the report nor the upload names one. */
    static final String UNKNOWN_HOST = "unknown";
    static final int MAX_HOST_LENGTH = 255;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ReportDigest() {
    }

    /**
     * @param declaredHost the {@code host} query parameter of the upload, used when the report's
     *                     {@code scan.host} is null (a triage copy whose host the scanner could not tell)
     */
    static NewScan digest(String tenant, JsonNode report, String body, String declaredHost, Instant received) {
        JsonNode scan = report.path("scan");
        String host = hostOf(text(scan.path("host")), declaredHost);
        String sha = sha256(canonical(report));
        String scanId = text(scan.path("id"));
        String key = scanId != null ? "id:" + scanId : "sha256:" + sha;
        Instant when = time(scan.path("finished"));
        if (when == null) when = time(scan.path("started"));
        List<String> cves = new ArrayList<>();
        report.path("exposure").path("cves").forEach(c -> cves.add(c.asText()));
        return new NewScan(tenant, host, key, sha, report.path("verdict").path("value").asText(),
                text(report.path("exposure").path("build")), cves, report.path("findings").size(), when,
                received, body, sightings(report.path("chains")));
    }

    static String hostOf(String reported, String declared) {
        for (String candidate : new String[] {reported, declared}) {
            if (candidate != null && !candidate.isBlank()) {
                String h = candidate.strip();
                return h.length() > MAX_HOST_LENGTH ? h.substring(0, MAX_HOST_LENGTH) : h;
            }
        }
        return UNKNOWN_HOST;
    }

    /**
     * One sighting per client address of each chain. A chain names its addresses in
     * {@code addresses}; reports from before that field name one address in {@code actor}.
     */
    private static List<ActorSighting> sightings(JsonNode chains) {
        List<ActorSighting> out = new ArrayList<>();
        for (JsonNode chain : chains) {
            Set<String> addresses = new LinkedHashSet<>();
            chain.path("addresses").forEach(a -> {
                if (a.isTextual() && !a.asText().isBlank()) addresses.add(a.asText());
            });
            if (addresses.isEmpty() && text(chain.path("actor")) != null) addresses.add(chain.path("actor").asText());
            Instant first = time(chain.path("first"));
            Instant last = time(chain.path("last"));
            int findings = chain.path("findings").asInt(0);
            for (String a : addresses) out.add(new ActorSighting(a, first, last, findings));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static Instant time(JsonNode n) {
        if (!n.isTextual()) return null;
        String t = n.asText();
        // The schema allows minute precision ("2021-03-03T02:10Z"), which Instant.parse does not read.
        if (t.length() == 17 && t.endsWith("Z")) t = t.substring(0, 16) + ":00Z";
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The report with object keys sorted: the same report digests the same whatever its key order or spacing. */
    static byte[] canonical(JsonNode report) {
        try {
            Object plain = CANONICAL.treeToValue(report, Object.class);
            return CANONICAL.writeValueAsBytes(plain);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed report could not be written back", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
