package org.exhunt.hunt.read.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.MemoryFile.Collected;
import org.exhunt.hunt.read.ReadResult;
import org.junit.jupiter.api.Test;

class W3cReaderTest {

    private static final String HEAD = "#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Version: 1.0\r\n"
            + "#Date: 2021-03-03 00:00:00\r\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";
    private static final String LINE1 = "2021-03-03 02:21:44 10.0.0.5 POST /ecp/y.js - 443 - 86.105.18.116 "
            + "ExchangeServicesClient/0.0.0.0 - 200 0 0 12\r\n";
    private static final String LINE2 = "2021-03-03 02:21:45 10.0.0.5 GET /owa/auth/x.js a=%2Fb%zz+c 443 - 86.105.18.116 "
            + "Mozilla/5.0+(Windows+NT+10.0) https://x/ 302 0 0 3\r\n";

    private final W3cReader reader = new W3cReader();

    private Collected read(String text) {
        return MemoryFile.collect(reader, MemoryFile.utf8("u_ex210303.log", text));
    }

    @Test
    void readsEveryDataLineWithNativeAndTaxonomyNames() {
        Collected c = read(HEAD + LINE1 + LINE2);
        assertThat(c.result().status()).isEqualTo("read");
        assertThat(c.result().events()).isEqualTo(2);
        LogEvent e = c.event(0);
        assertThat(e.kind()).isEqualTo(SourceKind.IIS_W3C);
        assertThat(e.get("cs-uri-stem")).isEqualTo("/ecp/y.js");
        assertThat(e.get("c-ip")).isEqualTo("86.105.18.116");
        assertThat(e.get("cs(User-Agent)")).isEqualTo("ExchangeServicesClient/0.0.0.0");
        assertThat(e.get("cs-user-agent")).isEqualTo("ExchangeServicesClient/0.0.0.0");
        assertThat(e.get("sc-status")).isEqualTo("200");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T02:21:44Z"));
    }

    @Test
    void fieldLookupIgnoresCase() {
        LogEvent e = read(HEAD + LINE2).event(0);
        assertThat(e.get("CS-USER-AGENT")).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
        assertThat(e.get("Cs(user-agent)")).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
        assertThat(e.get("CS-URI-STEM")).isEqualTo("/owa/auth/x.js");
        assertThat(e.has("C-IP")).isTrue();
        assertThat(e.has("cs-bytes")).isFalse();
    }

    @Test
    void userAgentPlusSignsBecomeSpacesButOtherFieldsKeepThem() {
        LogEvent e = read(HEAD + LINE2).event(0);
        assertThat(e.get("cs-user-agent")).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
        assertThat(e.get("cs-uri-query")).isEqualTo("a=%2Fb%zz+c");
    }

    @Test
    void dashIsAnEmptyFieldThatIsStillPresent() {
        LogEvent e = read(HEAD + LINE1).event(0);
        assertThat(e.get("cs-uri-query")).isNull();
        assertThat(e.has("cs-uri-query")).isTrue();
        assertThat(e.get("cs-username")).isNull();
        assertThat(e.get("cs-referer")).isNull();
    }

    @Test
    void decodedUriFieldsDecodePercentEscapesAndKeepInvalidOnes() {
        LogEvent e = read(HEAD + LINE2).event(0);
        assertThat(e.get("cs-uri-query-decoded")).isEqualTo("a=/b%zz c");
        assertThat(e.get("cs-uri-stem-decoded")).isEqualTo("/owa/auth/x.js");
        assertThat(e.get("cs-uri")).isEqualTo("/owa/auth/x.js?a=%2Fb%zz+c");
        assertThat(read(HEAD + LINE1).event(0).get("cs-uri")).isEqualTo("/ecp/y.js");
    }

    @Test
    void columnsFollowTheFieldsBlockInForceWhenTheyChangeMidFile() {
        String text = HEAD + LINE1
                + "#Software: Microsoft Internet Information Services 10.0\r\n"
                + "#Fields: time c-ip cs-uri-stem date\r\n"
                + "03:00:01 1.2.3.4 /aspnet_client/shell.aspx 2021-03-04\r\n";
        Collected c = read(text);
        assertThat(c.result().events()).isEqualTo(2);
        LogEvent second = c.event(1);
        assertThat(second.get("c-ip")).isEqualTo("1.2.3.4");
        assertThat(second.get("cs-uri-stem")).isEqualTo("/aspnet_client/shell.aspx");
        assertThat(second.has("cs-method")).isFalse();
        assertThat(second.timestamp()).isEqualTo(Instant.parse("2021-03-04T03:00:01Z"));
    }

    @Test
    void commentLinesAndBlankLinesAnywhereAreSkippedSilently() {
        String text = HEAD + "# a comment\r\n" + LINE1 + "\r\n#Remark: x\r\n" + LINE2;
        Collected c = read(text);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.result().warnings()).isEmpty();
    }

    @Test
    void mixedLineEndsAreRead() {
        String text = HEAD.replace("\r\n", "\n") + LINE1 + LINE2.replace("\r\n", "\n");
        Collected c = read(text);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.event(0).get("time-taken")).isEqualTo("12");
        assertThat(c.event(1).get("time-taken")).isEqualTo("3");
    }

    @Test
    void provenanceNamesFileLineAndByteOffset() {
        Collected c = read(HEAD + LINE1 + LINE2);
        int offset1 = HEAD.getBytes(StandardCharsets.UTF_8).length;
        assertThat(c.event(0).source()).isEqualTo(SourceRef.ofLine("u_ex210303.log", 5, offset1));
        assertThat(c.event(1).source()).isEqualTo(SourceRef.ofLine("u_ex210303.log", 6, offset1 + LINE1.length()));
    }

    @Test
    void lineWithWrongFieldCountIsSkippedWithAWarningNamingLineAndOffset() {
        String bad = "2021-03-03 02:21:46 10.0.0.5 GET\r\n";
        Collected c = read(HEAD + bad + LINE1);
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.result().status()).isEqualTo("partial");
        int offset = HEAD.length();
        assertThat(c.result().warnings()).containsExactly(
                "line 5 (offset " + offset + "): 4 fields, header has 15 — line skipped");
    }

    @Test
    void dataLinesBeforeAnyFieldsHeaderAreSkippedWithOneWarning() {
        Collected c = read(LINE1 + LINE1 + HEAD + LINE2);
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.result().warnings()).hasSize(1);
        assertThat(c.result().warnings().get(0)).startsWith("line 1 (offset 0): data line before any #Fields:");
    }

    @Test
    void truncatedLastLineIsReadWithAWarning() {
        String cut = "2021-03-03 02:21:47 10.0.0.5 GET /owa/";
        Collected c = read(HEAD + LINE1 + cut);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.event(1).get("cs-uri-stem")).isEqualTo("/owa/");
        assertThat(c.event(1).get("c-ip")).isNull();
        assertThat(c.result().warnings()).singleElement().asString().contains("line 6").contains("truncated");
    }

    @Test
    void completeLastLineWithoutLineEndIsReadWithAWarning() {
        Collected c = read(HEAD + LINE1.trim());
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.event(0).get("time-taken")).isEqualTo("12");
        assertThat(c.result().warnings()).singleElement().asString().contains("no line end");
    }

    @Test
    void linesLongerThan64KiBAreReadWhole() {
        String longQuery = "q=" + "A".repeat(200_000);
        String line = "2021-03-03 02:21:48 10.0.0.5 GET /owa/ " + longQuery
                + " 443 - 1.1.1.1 UA - 200 0 0 1\r\n";
        Collected c = read(HEAD + line + LINE1);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.event(0).get("cs-uri-query")).isEqualTo(longQuery);
        assertThat(c.event(1).source().offset()).isEqualTo(HEAD.length() + line.length());
    }

    @Test
    void utf8WithByteOrderMarkIsRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Collected c = MemoryFile.collect(reader, MemoryFile.encoded("a.log", HEAD + LINE1, StandardCharsets.UTF_8, bom));
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.event(0).get("date")).isEqualTo("2021-03-03");
        assertThat(c.event(0).source().offset()).isEqualTo(3 + HEAD.length());
    }

    @Test
    void utf16LittleAndBigEndianWithOrWithoutMarkAreRead() {
        String text = HEAD + LINE1 + LINE2.replace("/owa/auth/x.js", "/owa/auth/é€😀.js");
        List<MemoryFile> files = List.of(
                MemoryFile.encoded("le-bom.log", text, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                MemoryFile.encoded("be-bom.log", text, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                MemoryFile.encoded("le.log", text, StandardCharsets.UTF_16LE, new byte[0]),
                MemoryFile.encoded("be.log", text, StandardCharsets.UTF_16BE, new byte[0]));
        for (MemoryFile f : files) {
            Collected c = MemoryFile.collect(reader, f);
            int bom = f.path().contains("bom") ? 2 : 0;
            assertThat(c.result().events()).as(f.path()).isEqualTo(2);
            assertThat(c.event(1).get("cs-uri-stem")).as(f.path()).isEqualTo("/owa/auth/é€😀.js");
            assertThat(c.event(1).get("cs-user-agent")).as(f.path()).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
            assertThat(c.event(1).source().offset()).as(f.path()).isEqualTo(bom + 2L * (HEAD.length() + LINE1.length()));
        }
    }

    @Test
    void retainedEventKeepsItsValuesAfterTheReaderMovesOn() {
        List<LogEvent> live = new ArrayList<>();
        List<LogEvent> kept = new ArrayList<>();
        reader.read(MemoryFile.utf8("a.log", HEAD + LINE1 + LINE2), e -> {
            live.add(e);
            kept.add(e.retain());
        });
        assertThat(kept.get(0).get("cs-uri-stem")).isEqualTo("/ecp/y.js");
        assertThat(kept.get(1).get("cs-uri-stem")).isEqualTo("/owa/auth/x.js");
        assertThat(kept.get(0).get("CS-USER-AGENT")).isEqualTo("ExchangeServicesClient/0.0.0.0");
        assertThat(kept.get(1).get("cs-uri-query-decoded")).isEqualTo("a=/b%zz c");
        assertThat(kept.get(0).source().line()).isEqualTo(5);
        assertThat(kept.get(0).values()).contains("86.105.18.116", "/ecp/y.js");
    }

    @Test
    void valuesListsEveryNonEmptyNativeValueOnce() {
        LogEvent e = read(HEAD + LINE1).event(0);
        assertThat(e.values()).containsExactly("2021-03-03", "02:21:44", "10.0.0.5", "POST", "/ecp/y.js", "443",
                "86.105.18.116", "ExchangeServicesClient/0.0.0.0", "200", "0", "0", "12");
    }

    @Test
    void invalidDateKeepsTheEventWithoutTimeAndWarns() {
        Collected c = read(HEAD + LINE1.replace("2021-03-03 02:21:44", "2021-13-03 02:21:44"));
        assertThat(c.result().events()).isEqualTo(1);
        assertThat(c.event(0).timestamp()).isNull();
        assertThat(c.result().warnings()).singleElement().asString().contains("not a valid timestamp");
    }

    @Test
    void resultReportsTheTimeRange() {
        ReadResult r = read(HEAD + LINE2 + LINE1).result();
        assertThat(r.first()).isEqualTo(Instant.parse("2021-03-03T02:21:44Z"));
        assertThat(r.last()).isEqualTo(Instant.parse("2021-03-03T02:21:45Z"));
    }

    @Test
    void readErrorMidFileKeepsEventsAndSaysWhere() {
        byte[] good = (HEAD + LINE1 + LINE2).getBytes(StandardCharsets.UTF_8);
        EvidenceFile failing = new EvidenceFile() {
            @Override
            public String path() {
                return "broken.log";
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    int i;

                    @Override
                    public int read() throws IOException {
                        if (i < good.length) return good[i++] & 0xFF;
                        throw new IOException("device error");
                    }
                };
            }
        };
        Collected c = MemoryFile.collect(reader, failing);
        assertThat(c.result().events()).isEqualTo(2);
        assertThat(c.result().status()).isEqualTo("partial");
        assertThat(c.result().error()).contains("device error").contains("line 6");
    }

    @Test
    void fileWithoutFieldsHeaderFailsSoftlyWithAWarning() {
        Collected c = read("just some text\n");
        assertThat(c.result().events()).isZero();
        assertThat(c.result().warnings()).anyMatch(w -> w.contains("no #Fields: header"));
    }

    @Test
    void exceptionFromTheConsumerReachesTheCaller() {
        assertThatThrownBy(() -> reader.read(MemoryFile.utf8("a.log", HEAD + LINE1), e -> {
            throw new IllegalStateException("consumer broke");
        })).isInstanceOf(IllegalStateException.class).hasMessage("consumer broke");
    }
}
