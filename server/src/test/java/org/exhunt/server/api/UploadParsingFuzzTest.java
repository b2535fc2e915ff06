package org.exhunt.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.exhunt.server.SampleReports;
import org.exhunt.server.store.NewScan;

/**
 * An upload is untrusted bytes. Whatever arrives, the parse, schema check and digest either
 * refuse it with a 400 or a list of problems, or produce a scan to store with a usable host;
 * nothing else escapes (no 500).
 */
class UploadParsingFuzzTest {

    private static final ReportSchema SCHEMA = ReportSchema.load();

    @FuzzTest(maxDuration = "10s")
    void anyBodyIsRefusedCleanlyOrDigested(FuzzedDataProvider data) {
        boolean startFromReport = data.consumeBoolean();
        String body;
        if (startFromReport) {
            var r = SampleReports.report(data.consumeBoolean() ? null : data.consumeString(40),
                    data.consumeBoolean() ? null : data.consumeString(300), "attempted", List.of(),
                    data.consumeString(30), data.consumeString(60), data.consumeString(60));
            body = SampleReports.json(r);
            int cut = data.consumeInt(0, body.length());
            body = data.consumeBoolean() ? body : body.substring(0, cut) + data.consumeRemainingAsString();
        } else {
            body = data.consumeRemainingAsString();
        }
        JsonNode report;
        try {
            report = UploadHandler.parse(body);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            return;
        }
        if (!SCHEMA.problems(report, 20).isEmpty()) return;
        NewScan scan = ReportDigest.digest("t", report, body, null, Instant.EPOCH);
        assertThat(scan.host()).isNotBlank().hasSizeLessThanOrEqualTo(ReportDigest.MAX_HOST_LENGTH);
        assertThat(scan.bodySha256()).matches("[0-9a-f]{64}");
        assertThat(scan.scanKey()).startsWith(report.path("scan").path("id").isTextual() ? "id:" : "sha256:");
    }
}
