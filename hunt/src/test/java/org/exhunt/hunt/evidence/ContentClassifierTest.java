package org.exhunt.hunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.MemoryFile;
import org.junit.jupiter.api.Test;

class ContentClassifierTest {

    private static Classified classify(String name, String text) {
        return ContentClassifier.classify(MemoryFile.utf8(name, text));
    }

    @Test
    void iisLogIsKnownBySoftwareDirective() {
        Classified c = classify("whatever.txt", "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n");
        assertThat(c.kind()).isEqualTo(SourceKind.IIS_W3C);
        assertThat(c.reason()).isNull();
        assertThat(c.readable()).isTrue();
    }

    @Test
    void aLogPaddedWithNulBytesAfterAnUncleanShutdownIsStillALog() {
        String text = "#Software: Microsoft Internet Information Services 10.0\r\n#Fields: date time c-ip cs-uri-stem\r\n"
                + "2021-03-03 01:02:03 1.1.1.1 /owa/\r\n" + "\0".repeat(4096);
        assertThat(classify("u_ex210303.log", text).kind()).isEqualTo(SourceKind.IIS_W3C);
        assertThat(classify("blob.bin", "MZ\0\0\u0003\0\0\0\u0004\0\0\0").reason()).startsWith("not a log exhunt reads (binary");
    }

    @Test
    void w3cLogWithoutSoftwareIsKnownByItsFieldNames() {
        assertThat(classify("x", "#Fields: date time c-ip cs-uri-stem\n2021-01-01 00:00:00 1.1.1.1 /\n").kind())
                .isEqualTo(SourceKind.IIS_W3C);
    }

    @Test
    void exchangeLogsAreToldApartByLogType() {
        String sw = "#Software: Microsoft Exchange Server\r\n#Version: 15.01.2106.002\r\n";
        assertThat(classify("a", sw + "#Log-type: HttpProxy Logs\r\n#Fields: DateTime,RequestId\r\n").kind())
                .isEqualTo(SourceKind.EXCHANGE_HTTPPROXY);
        assertThat(classify("a", sw + "#Log-type: ECP Server Log\r\n#Fields: TimeStamp,ServerName,EventId,EventData\r\n").kind())
                .isEqualTo(SourceKind.EXCHANGE_ECP);
        assertThat(classify("a", sw + "#Log-type: OAB Generator Log\r\n#Fields: Timestamp,Message\r\n").kind())
                .isEqualTo(SourceKind.EXCHANGE_OABGENERATOR);
        assertThat(classify("a", sw + "#Log-type: ECP Activity Context Log\r\n#Fields: TimeStamp,EventData\r\n").kind())
                .isEqualTo(SourceKind.EXCHANGE_CSV);
    }

    @Test
    void httpProxyLogWithoutLogTypeIsKnownByItsColumns() {
        String text = "#Software: Microsoft Exchange Server\n#Fields: DateTime,UrlStem,ClientIpAddress,ProxyAction\n";
        assertThat(classify("a", text).kind()).isEqualTo(SourceKind.EXCHANGE_HTTPPROXY);
    }

    @Test
    void anyOtherCommaSeparatedFieldsHeaderIsAGenericExchangeLog() {
        assertThat(classify("a", "#Fields: date-time,client-ip\n").kind()).isEqualTo(SourceKind.EXCHANGE_CSV);
    }

    @Test
    void nameDoesNotDecide() {
        Classified renamed = classify("notes.txt", "#Software: Microsoft Exchange Server\n#Log-type: HttpProxy Logs\n#Fields: DateTime\n");
        assertThat(renamed.kind()).isEqualTo(SourceKind.EXCHANGE_HTTPPROXY);
        Classified fake = classify("u_ex210303.log", "hello, this is not a log\n");
        assertThat(fake.kind()).isEqualTo(SourceKind.UNKNOWN);
        assertThat(fake.reason()).isEqualTo("text without a #Fields: header");
    }

    @Test
    void emptyAndBinaryFilesAreUnknownWithAReason() {
        assertThat(ContentClassifier.classify(new MemoryFile("e.log", new byte[0])).reason()).isEqualTo("empty file");
        byte[] binary = new byte[12 * 1024];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7);
        Classified c = ContentClassifier.classify(new MemoryFile("lsass.dmp", binary));
        assertThat(c.kind()).isEqualTo(SourceKind.UNKNOWN);
        assertThat(c.reason()).isEqualTo("not a log exhunt reads (binary, 12 KB)");
    }

    @Test
    void utf16LogsAreClassifiedToo() {
        String text = "#Software: Microsoft Internet Information Services 10.0\r\n#Fields: date time cs-uri-stem\r\n";
        MemoryFile le = MemoryFile.encoded("a", text, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
        MemoryFile be = MemoryFile.encoded("b", text, StandardCharsets.UTF_16BE, new byte[0]);
        assertThat(ContentClassifier.classify(le).kind()).isEqualTo(SourceKind.IIS_W3C);
        assertThat(ContentClassifier.classify(be).kind()).isEqualTo(SourceKind.IIS_W3C);
    }

    @Test
    void evtxDumpJsonIsAWindowsExportByItsEventAndSystemKeys() {
        String text = "{\n  \"Event\": {\n    \"#attributes\": {\"xmlns\": \"x\"},\n    \"System\": {\"EventID\": 1}\n  }\n}\n";
        assertThat(classify("sysmon.json", text).kind()).isEqualTo(SourceKind.WINDOWS_JSON);
        assertThat(classify("array.json", "[\n" + text + "]").kind()).isEqualTo(SourceKind.WINDOWS_JSON);
    }

    @Test
    void winlogbeatDocumentsAreWindowsExportsNestedOrDotted() {
        assertThat(classify("a.ndjson", "{\"@timestamp\":\"2021-03-03T01:02:03Z\",\"winlog\":{\"channel\":\"Security\"}}\n").kind())
                .isEqualTo(SourceKind.WINDOWS_JSON);
        assertThat(classify("a.ndjson", "{\"host.name\":\"EX01\",\"winlog.event_id\":4688}\n").kind())
                .isEqualTo(SourceKind.WINDOWS_JSON);
    }

    @Test
    void flatRecordsNeedAnEventIdBesideAChannelOrProvider() {
        assertThat(classify("mordor.json", "{\"SourceName\":\"Microsoft-Windows-Sysmon\",\"EventID\":1,\"Image\":\"x\"}\n").kind())
                .isEqualTo(SourceKind.WINDOWS_JSON);
        assertThat(classify("nx.json", "\uFEFF{\"EventTime\":\"2021-03-03 01:02:03\",\"Channel\":\"Security\",\"EventID\":4624}").kind())
                .isEqualTo(SourceKind.WINDOWS_JSON);
        Classified other = classify("report.json", "{\"tool\":{\"name\":\"exhunt\"},\"EventID\":1}");
        assertThat(other.kind()).isEqualTo(SourceKind.UNKNOWN);
        assertThat(other.reason()).startsWith("JSON that is not a Windows event export");
    }

    @Test
    void aWindowsExportInUtf16IsRecognisedAndOneCutInsideItsFirstRecordToo() {
        String record = "{\"Channel\":\"Security\",\"EventID\":4624,\"TargetUserName\":\"" + "a".repeat(40_000) + "\"}";
        assertThat(ContentClassifier.classify(MemoryFile.encoded("u16.json", record, StandardCharsets.UTF_16LE,
                new byte[] {(byte) 0xFF, (byte) 0xFE})).kind()).isEqualTo(SourceKind.WINDOWS_JSON);
        // the head may end inside the first record: the keys seen so far decide
        assertThat(classify("cut.json", "{\"EventID\":4624,\"Channel\":\"Secu").kind()).isEqualTo(SourceKind.WINDOWS_JSON);
        assertThat(classify("cut.json", "{\"EventID\":4624,\"Mess").kind()).isEqualTo(SourceKind.UNKNOWN);
    }

    @Test
    void aWindowsEventLogIsKnownByItsFileHeaderMagic() {
        byte[] evtx = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(StandardCharsets.ISO_8859_1), 0, evtx, 0, 8);
        Classified c = ContentClassifier.classify(new MemoryFile("Security.evtx", evtx));
        assertThat(c.kind()).isEqualTo(SourceKind.WINDOWS_EVTX);
        assertThat(c.readable()).isTrue();
    }
}
