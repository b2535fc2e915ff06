package org.exhunt.hunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.finding.Actor;
import org.exhunt.hunt.finding.Finding;

class HtmlReportFuzzTest {

    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z!][A-Za-z0-9]*)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");
    /** Every element the writer itself emits; evidence must never add another. */
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body",
            "main", "header", "h1", "h2", "h3", "h4", "p", "span", "b", "section", "div", "ul", "ol", "li", "a",
            "table", "thead", "tbody", "tr", "th", "td", "code", "br", "details", "summary", "form", "label",
            "select", "option", "input", "button", "output", "article", "dl", "dt", "dd", "figure", "figcaption",
            "svg", "rect", "text", "line", "g", "circle", "footer", "script");

    /**
     * Whatever the evidence holds, the page has only the writer's own elements, one script element
     * (the page's own), no event-handler attribute, and every element it opens it closes in the same
     * number as a page of harmless values would: no evidence text can open, close or add an element.
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

        List<String> tags = tags(hostile);
        assertThat(tags).allSatisfy(tag -> assertThat(OWN_TAGS).contains(tag.startsWith("/") ? tag.substring(1) : tag));
        assertThat(tags.stream().filter("script"::equals).count()).isEqualTo(1);
        assertThat(EVENT_HANDLER.matcher(hostile).find()).as("an on...= attribute").isFalse();
        for (String tag : OWN_TAGS) {
            if (Set.of("!DOCTYPE", "meta", "br", "input", "rect", "line", "circle").contains(tag)) continue;
            assertThat(tags.stream().filter(tag::equals).count()).as("<" + tag + "> opened and closed")
                    .isEqualTo(tags.stream().filter(("/" + tag)::equals).count());
        }
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
