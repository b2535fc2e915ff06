package org.exhunt.hunt.read.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.sigma.ByteSlice;
import org.junit.jupiter.api.Test;

/** The reader hands out one event per file; what it answers must follow the header in force and the quoting of each value. */
class ExchangeReusedEventTest {

    private static final String STEM = "cs-uri-stem";
    private static final String AGENT = "UserAgent";

    @Test
    void fieldsFollowANewFieldsBlockAndEscapedValuesAreNeverShownInPlace() {
        String text = "#Fields: DateTime,UrlStem,UserAgent,ClientIpAddress\r\n"
                + "2021-03-03T02:21:44.123Z,/ecp/y.js,\"say \"\"hi\"\"\",10.0.0.1\r\n"
                + "2021-03-03T02:21:45.123Z,/owa/,curl/7.1,10.0.0.2\r\n"
                + "#Fields: DateTime,ClientIpAddress,UserAgent,UrlStem\r\n"
                + "2021-03-03T02:21:46.123Z,10.0.0.3,Mozilla/5.0,/ews/exchange.asmx\r\n";
        List<List<Object>> seen = new ArrayList<>();
        ByteSlice slice = new ByteSlice();
        new ExchangeCsvReader(SourceKind.EXCHANGE_HTTPPROXY).read(MemoryFile.utf8("HttpProxy_2021030302-1.LOG", text), e -> {
            String stem = e.slice(STEM, slice) ? slice.decode() : "no slice";
            String agent = e.slice(AGENT, slice) ? slice.decode() : "no slice";
            seen.add(Arrays.asList(stem, agent, e.get(AGENT), e.get("c-ip")));
        });
        assertThat(seen).containsExactly(
                Arrays.asList("/ecp/y.js", "no slice", "say \"hi\"", "10.0.0.1"),
                Arrays.asList("/owa/", "curl/7.1", "curl/7.1", "10.0.0.2"),
                Arrays.asList("/ews/exchange.asmx", "Mozilla/5.0", "Mozilla/5.0", "10.0.0.3"));
    }
}
