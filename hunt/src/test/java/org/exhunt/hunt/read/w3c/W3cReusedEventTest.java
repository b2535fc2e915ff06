package org.exhunt.hunt.read.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.sigma.ByteSlice;
import org.junit.jupiter.api.Test;

/** The reader hands out one event per file; values read on one line must never leak into the next. */
class W3cReusedEventTest {

    private static final String HEAD = "#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status\r\n";

    @Test
    void valuesReadDuringOneLineAreNotSeenOnTheNext() {
        String text = HEAD
                + "2021-03-03 02:21:44 POST /ecp/y.js a=1 10.0.0.1 curl/7.1 200\r\n"
                + "2021-03-03 02:21:45 GET /owa/ - 10.0.0.2 - 302\r\n"
                + "2021-03-03 02:21:46 GET /ews/ b=2 10.0.0.3 Mozilla/5.0+(X) 401\r\n";
        List<List<Object>> seen = new ArrayList<>();
        new W3cReader().read(MemoryFile.utf8("u_ex210303.log", text), e -> {
            // Ask twice, as rules and the IOC matcher do, so the second answer comes from the cache.
            e.get("cs-uri-query");
            e.get("CS-USER-AGENT");
            seen.add(Arrays.asList(e.get("cs-uri-stem"), e.get("cs-uri-query"), e.get("c-ip"),
                    e.get("cs-user-agent"), e.get("cs-uri"), e.get("sc-status")));
        });
        assertThat(seen).containsExactly(
                Arrays.asList("/ecp/y.js", "a=1", "10.0.0.1", "curl/7.1", "/ecp/y.js?a=1", "200"),
                Arrays.asList("/owa/", null, "10.0.0.2", null, "/owa/", "302"),
                Arrays.asList("/ews/", "b=2", "10.0.0.3", "Mozilla/5.0 (X)", "/ews/?b=2", "401"));
    }

    @Test
    void aFieldAskedForBeforeANewFieldsBlockIsReadFromItsNewColumnAfterIt() {
        String text = HEAD
                + "2021-03-03 02:21:44 POST /ecp/y.js a=1 10.0.0.1 curl/7.1 200\r\n"
                + "#Fields: time c-ip cs-uri-stem date\r\n"
                + "03:00:01 1.2.3.4 /aspnet_client/shell.aspx 2021-03-04\r\n";
        List<List<Object>> seen = new ArrayList<>();
        ByteSlice slice = new ByteSlice();
        new W3cReader().read(MemoryFile.utf8("u_ex210303.log", text), e -> {
            // the same name objects on every line, as a rule's field names are
            boolean sliced = e.slice(STEM, slice);
            seen.add(Arrays.asList(e.get(STEM), sliced ? slice.decode() : "no slice", e.get(IP), e.get("cs-method"),
                    e.slice("cs-method", slice)));
        });
        assertThat(seen).containsExactly(
                Arrays.asList("/ecp/y.js", "/ecp/y.js", "10.0.0.1", "POST", true),
                Arrays.asList("/aspnet_client/shell.aspx", "/aspnet_client/shell.aspx", "1.2.3.4", null, false));
    }

    private static final String STEM = "cs-uri-stem";
    private static final String IP = "C-IP";
}
