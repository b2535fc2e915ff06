package org.exhunt.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.server.SampleReports;
import org.exhunt.server.store.FleetActor;
import org.exhunt.server.store.ScanSummary;
import org.exhunt.server.store.ServerSummary;

/**
 * Host names, addresses, rule titles and reasons come from uploads, i.e. from whoever holds an
 * agent token or fed the evidence: whatever they hold, the pages have only their own elements
 * and no event-handler attribute.
 */
class DashboardFuzzTest {

    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z!][A-Za-z0-9]*)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "link", "script",
            "body", "header", "nav", "a", "form", "button", "main", "h1", "h2", "section", "div", "span", "p", "code",
            "label", "input", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "ol", "time");

    @FuzzTest(maxDuration = "10s")
    void uploadedTextNeverAddsAnElement(FuzzedDataProvider data) {
        String host = data.consumeString(100);
        String verdict = data.consumeString(20);
        String build = data.consumeString(30);
        String address = data.consumeString(60);
        String first = data.consumeString(30);
        String tenant = data.consumeString(30);
        var report = SampleReports.report("id", host, "attempted", List.of(), first, address);
        report.with("verdict").putArray("reasons").add(data.consumeString(200));
        report.with("exposure").put("source", data.consumeRemainingAsString());
        ScanSummary scan = new ScanSummary("id", host, verdict, build, List.of(build), 1, Instant.EPOCH, Instant.EPOCH);

        List<String> pages = List.of(
                FleetPage.render(tenant, List.of(new ServerSummary(host, scan, 1))),
                ServerPage.render(host, List.of(scan), report),
                ActorsPage.render(List.of(new FleetActor(address, List.of(host), null, Instant.EPOCH, 1))),
                LoginPage.render(host),
                LoginPage.notFound(host));
        for (String page : pages) {
            assertThat(tags(page)).allSatisfy(t -> assertThat(OWN_TAGS).contains(t.startsWith("/") ? t.substring(1) : t));
            assertThat(EVENT_HANDLER.matcher(page).find()).as("an on...= attribute").isFalse();
            assertThat(tags(page).stream().filter("script"::equals).count()).isEqualTo(1);
        }
    }

    private static List<String> tags(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
