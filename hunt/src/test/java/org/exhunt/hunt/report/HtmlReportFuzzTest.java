package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;

class HtmlReportFuzzTest {

    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z!][A-Za-z0-9]*)");

    /**
     * Whatever the evidence holds, the page has exactly the markup of the same report with harmless
     * values: no evidence text can open, close or add an element.
     */
    @FuzzTest(maxDuration = "10s")
    void evidenceNeverChangesThePageStructure(FuzzedDataProvider data) {
        String path = data.consumeString(200);
        String userAgent = data.consumeString(200);
        String user = data.consumeString(50);
        String fieldName = data.consumeString(30);
        String value = data.consumeString(300);
        String reason = data.consumeRemainingAsString();

        String hostile = new HtmlReportWriter().toHtml(report(path, userAgent, user, fieldName, value, reason));
        String plain = new HtmlReportWriter().toHtml(report("p", "ua", "u", "f", "v", "r"));

        assertThat(tags(hostile)).isEqualTo(tags(plain));
    }

    private static ScanReport report(String path, String userAgent, String user, String fieldName, String value,
                                     String reason) {
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put(fieldName, value);
        Finding finding = new Finding(ReportFixtures.SSRF_ATTEMPT, "sigma", ReportFixtures.T0,
                SourceRef.ofLine(path, 1, 0), matched, new Actor("10.0.0.1", user, userAgent));
        return ScanReport.builder().tool("exhunt", "0").scan(ReportFixtures.scanInfo())
                .addCoverage(FileCoverage.failed(path, "iis-w3c", reason))
                .addFinding(finding)
                .addError(new ScanError(path, reason))
                .build();
    }

    private static List<String> tags(String html) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) tags.add(m.group(1));
        return tags;
    }
}
