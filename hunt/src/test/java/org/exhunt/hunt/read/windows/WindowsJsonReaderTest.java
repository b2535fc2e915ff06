package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhunt.hunt.event.LogEvent;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.read.MemoryFile;
import org.exhunt.hunt.read.Readers;
import org.exhunt.sigma.Logsource;
import org.junit.jupiter.api.Test;

class WindowsJsonReaderTest {

    private static final WindowsJsonReader READER = new WindowsJsonReader();

    private static final String SYSMON_1 = """
            {
              "Event": {
                "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
                "System": {
                  "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},
                  "EventID": 1,
                  "Level": 4,
                  "Keywords": "0x8000000000000000",
                  "TimeCreated": {"#attributes": {"SystemTime": "2021-03-03T05:12:44.1234567Z"}},
                  "EventRecordID": 571146,
                  "Correlation": null,
                  "Execution": {"#attributes": {"ProcessID": 3544, "ThreadID": 4272}},
                  "Channel": "Microsoft-Windows-Sysmon/Operational",
                  "Computer": "EX01.corp.local",
                  "Security": {"#attributes": {"UserID": "S-1-5-18"}}
                },
                "EventData": {
                  "Image": "C:\\\\Windows\\\\System32\\\\cmd.exe",
                  "CommandLine": "cmd /c whoami",
                  "ParentImage": "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe",
                  "ProcessId": 4460,
                  "OriginalFileName": ""
                }
              }
            }
            """;

    private static MemoryFile.Collected read(String text) {
        return MemoryFile.collect(READER, MemoryFile.utf8("export.json", text));
    }

    @Test
    void evtxDumpRecordsOfferSystemChildrenAttributesAndEventDataByTheirSigmaNames() {
        MemoryFile.Collected c = read(SYSMON_1);
        assertThat(c.result().status()).isEqualTo("read");
        LogEvent e = c.event(0);
        assertThat(e.get("EventID")).isEqualTo(1L);
        assertThat(e.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(e.get("Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.get("Provider_Guid")).isEqualTo("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
        assertThat(e.get("Execution_ProcessID")).isEqualTo(3544L);
        assertThat(e.get("Security_UserID")).isEqualTo("S-1-5-18");
        assertThat(e.get("Computer")).isEqualTo("EX01.corp.local");
        assertThat(e.get("Image")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(e.get("ProcessId")).isEqualTo(4460L);
        assertThat(e.has("Correlation")).isTrue();
        assertThat(e.get("Correlation")).isNull();
        assertThat(e.has("OriginalFileName")).as("an empty value is present, with value null").isTrue();
        assertThat(e.get("OriginalFileName")).isNull();
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T05:12:44.123456700Z"));
        assertThat(e.logsource()).isEqualTo(new Logsource("windows", "process_creation", "sysmon"));
        assertThat(e.kind()).isEqualTo(SourceKind.WINDOWS_JSON);
    }

    @Test
    void fieldsAreFoundInAnyLetterCaseAndEveryEventValueIsAKeyword() {
        LogEvent e = read(SYSMON_1).event(0);
        assertThat(e.get("commandline")).isEqualTo("cmd /c whoami");
        assertThat(e.get("COMMANDLINE")).isEqualTo("cmd /c whoami");
        assertThat(e.get("provider_name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.values()).contains("cmd /c whoami", "Microsoft-Windows-Sysmon", "1", "EX01.corp.local",
                "C:\\Windows\\System32\\inetsrv\\w3wp.exe");
        assertThat(e.values()).doesNotContainNull();
    }

    @Test
    void concatenatedPrettyPrintedRecordsAreReadWithTheLineEachStartsOn() {
        MemoryFile.Collected c = read(SYSMON_1 + SYSMON_1.replace("\"EventID\": 1", "\"EventID\": 5"));
        assertThat(c.events()).hasSize(2);
        assertThat(c.event(1).get("EventID")).isEqualTo(5L);
        assertThat(c.event(1).logsource().category()).isEqualTo("process_termination");
        long lines = SYSMON_1.lines().count();
        assertThat(c.event(0).source().line()).isEqualTo(1);
        assertThat(c.event(1).source().line()).isEqualTo(lines + 1);
        assertThat(c.event(1).source().record()).isEqualTo(2);
        assertThat(c.event(1).source().offset()).isEqualTo(SYSMON_1.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aTopLevelArrayIsReadElementByElement() {
        MemoryFile.Collected c = read("[\n" + SYSMON_1 + ",\n" + SYSMON_1 + "]\n");
        assertThat(c.events()).hasSize(2);
        assertThat(c.result().warnings()).isEmpty();
    }

    @Test
    void unnamedDataValuesBecomeTheListFieldDataAndUserDataLeavesAreNamed() {
        String classic = """
                {"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":0},"#text":400},"Channel":"Windows PowerShell",
                 "Provider":{"#attributes":{"Name":"PowerShell"}}},
                 "EventData":{"Data":{"#text":["Available","None","HostApplication=powershell -enc SQBFAFgA"]},"Binary":null}}}
                {"Event":{"System":{"EventID":5858,"Channel":"Microsoft-Windows-WMI-Activity/Operational"},
                 "UserData":{"Operation_ClientFailure":{"#attributes":{"xmlns":"http://manifests.microsoft.com/win/2006/windows/WMI"},
                 "ClientMachine":"EX01","Operation":"Start IWbemServices::ExecMethod","ClientProcessId":25920}}}}
                {"Event":{"System":{"EventID":4688,"Channel":"Security"},
                 "EventData":{"Data":[{"#attributes":{"Name":"NewProcessName"},"#text":"C:\\\\x\\\\cmd.exe"},"loose value"]}}}
                """;
        MemoryFile.Collected c = read(classic);
        assertThat(c.events()).hasSize(3);
        LogEvent ps = c.event(0);
        assertThat(ps.get("Data")).isEqualTo(List.of("Available", "None", "HostApplication=powershell -enc SQBFAFgA"));
        assertThat(ps.get("EventID")).isEqualTo(400L);
        assertThat(ps.get("EventID_Qualifiers")).isEqualTo(0L);
        assertThat(ps.values()).contains("HostApplication=powershell -enc SQBFAFgA");
        assertThat(ps.logsource()).isEqualTo(new Logsource("windows", "ps_classic_start", "powershell-classic"));
        LogEvent wmi = c.event(1);
        assertThat(wmi.get("ClientMachine")).isEqualTo("EX01");
        assertThat(wmi.get("ClientProcessId")).isEqualTo(25920L);
        assertThat(wmi.has("xmlns")).isFalse();
        assertThat(wmi.logsource().service()).isEqualTo("wmi");
        LogEvent sec = c.event(2);
        assertThat(sec.get("NewProcessName")).isEqualTo("C:\\x\\cmd.exe");
        assertThat(sec.get("Image")).as("4688 offers Sysmon's name too").isEqualTo("C:\\x\\cmd.exe");
        assertThat(sec.get("Data")).isEqualTo(List.of("loose value"));
    }

    @Test
    void flatRecordsOneAPerLineKeepTheirNamesAndGainTheWindowsOnes() {
        String jsonl = """
                {"SourceName":"Microsoft-Windows-Sysmon","Channel":"Microsoft-Windows-Sysmon/Operational","Hostname":"WKS5","EventID":13,"EventType":"SetValue","TargetObject":"HKLM\\\\x","@timestamp":"2020-05-02T02:55:56.857Z","EventTime":"2020-05-02 02:55:56"}
                {"ProviderName":"Microsoft-Windows-Security-Auditing","Channel":"Security","EventID":4624,"TimeCreated":"2020-05-02T02:55:50.100Z","EventTime":"2020-05-02 04:55:50"}
                """;
        MemoryFile.Collected c = read(jsonl);
        assertThat(c.events()).hasSize(2);
        LogEvent reg = c.event(0);
        assertThat(reg.get("Computer")).isEqualTo("WKS5");
        assertThat(reg.get("Hostname")).isEqualTo("WKS5");
        assertThat(reg.get("Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(reg.logsource().category()).isEqualTo("registry_set");
        assertThat(reg.timestamp()).as("@timestamp is UTC, EventTime has no zone").isEqualTo(Instant.parse("2020-05-02T02:55:56.857Z"));
        assertThat(reg.source().line()).isEqualTo(1);
        assertThat(c.event(1).source().line()).isEqualTo(2);
        assertThat(c.event(1).timestamp()).isEqualTo(Instant.parse("2020-05-02T02:55:50.100Z"));
        assertThat(c.event(1).logsource()).isEqualTo(new Logsource("windows", null, "security"));
    }

    @Test
    void winlogbeatDocumentsMapWinlogNamesNestedOrDotted() {
        String nested = "{\"@timestamp\":\"2021-03-03T05:12:44.000Z\",\"host\":{\"name\":\"EX01\"},"
                + "\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1,"
                + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"computer_name\":\"EX01.corp\",\"record_id\":77,"
                + "\"process\":{\"pid\":3544,\"thread\":{\"id\":12}},"
                + "\"event_data\":{\"Image\":\"C:\\\\w\\\\cmd.exe\",\"CommandLine\":\"cmd /c ver\"}},"
                + "\"message\":\"Process Create: cmd /c ver\"}\n";
        String dotted = "{\"@timestamp\":\"2021-03-03T05:12:45Z\",\"winlog.channel\":\"Security\",\"winlog.event_id\":\"4688\","
                + "\"winlog.event_data.NewProcessName\":\"C:\\\\w\\\\net.exe\",\"event.code\":\"4688\"}\n";
        MemoryFile.Collected c = read(nested + dotted);
        assertThat(c.events()).hasSize(2);
        LogEvent a = c.event(0);
        assertThat(a.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(a.get("EventID")).isEqualTo(1L);
        assertThat(a.get("Computer")).isEqualTo("EX01.corp");
        assertThat(a.get("EventRecordID")).isEqualTo(77L);
        assertThat(a.get("Execution_ThreadID")).isEqualTo(12L);
        assertThat(a.get("CommandLine")).isEqualTo("cmd /c ver");
        assertThat(a.get("winlog.provider_name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(a.get("host.name")).isEqualTo("EX01");
        assertThat(a.values()).as("the collector's fields are not event values").doesNotContain("EX01", "Process Create: cmd /c ver");
        assertThat(a.timestamp()).isEqualTo(Instant.parse("2021-03-03T05:12:44Z"));
        assertThat(a.logsource().category()).isEqualTo("process_creation");
        LogEvent b = c.event(1);
        assertThat(b.get("NewProcessName")).isEqualTo("C:\\w\\net.exe");
        assertThat(b.get("Image")).isEqualTo("C:\\w\\net.exe");
        assertThat(b.get("event.code")).isEqualTo("4688");
        assertThat(b.logsource()).isEqualTo(new Logsource("windows", "process_creation", "security"));
    }

    @Test
    void aBrokenLineIsReportedWithItsLineNumberAndTheRestIsRead() {
        String jsonl = "{\"Channel\":\"Security\",\"EventID\":4624}\n"
                + "{\"Channel\":\"Security\",\"EventID\":46\n"
                + "{\"Channel\":\"Security\",\"EventID\":4625,}\n"
                + "garbage line\n"
                + "{\"Channel\":\"Security\",\"EventID\":4634}\n";
        MemoryFile.Collected c = read(jsonl);
        assertThat(c.events()).extracting(e -> e.get("EventID")).containsExactly(4624L, 4634L);
        assertThat(c.result().status()).isEqualTo("partial");
        assertThat(c.result().warnings()).hasSize(3);
        assertThat(c.result().warnings().get(0)).startsWith("line 2 (offset " + (jsonl.indexOf('\n') + 1) + "): record 2 skipped");
        assertThat(c.result().warnings().get(1)).startsWith("line 3 ").contains("not valid JSON");
        assertThat(c.result().warnings().get(2)).startsWith("line 4 ").contains("not a JSON object here");
        assertThat(c.event(1).source().line()).isEqualTo(5);
    }

    @Test
    void aPrettyPrintedRecordLeftOpenEndsWhereTheNextRecordStarts() {
        // a record cut off after a whole line, as when a copy stops and writing resumes
        String broken = SYSMON_1.substring(0, SYSMON_1.lastIndexOf('\n', SYSMON_1.indexOf("\"EventData\"")) + 1);
        MemoryFile.Collected c = read(SYSMON_1 + broken + SYSMON_1);
        assertThat(c.events()).hasSize(2);
        assertThat(c.result().warnings()).singleElement().asString().contains("record 2 skipped").contains("not closed");
        MemoryFile.Collected truncated = read(SYSMON_1 + broken);
        assertThat(truncated.events()).hasSize(1);
        assertThat(truncated.result().warnings()).singleElement().asString().contains("file ends inside the record");
    }

    @Test
    void aByteOrderMarkAndUtf16AreRead() {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf16Bom = {(byte) 0xFF, (byte) 0xFE};
        for (MemoryFile f : List.of(MemoryFile.encoded("bom.json", SYSMON_1, StandardCharsets.UTF_8, utf8Bom),
                MemoryFile.encoded("u16.json", SYSMON_1, StandardCharsets.UTF_16LE, utf16Bom),
                MemoryFile.encoded("u16.json", SYSMON_1, StandardCharsets.UTF_16LE, new byte[0]))) {
            MemoryFile.Collected c = MemoryFile.collect(READER, f);
            assertThat(c.events()).as(f.path()).hasSize(1);
            assertThat(c.event(0).get("CommandLine")).isEqualTo("cmd /c whoami");
        }
    }

    @Test
    void anEventOfAnUnlistedChannelSatisfiesOnlyProductWindows() {
        LogEvent e = read("{\"Channel\":\"Contoso-App/Operational\",\"EventID\":1,\"Image\":\"x\"}").event(0);
        assertThat(e.logsource()).isEqualTo(new Logsource("windows", null, null));
    }

    @Test
    void retainedEventsSurviveTheReaderMovingOn() {
        List<LogEvent> kept = new java.util.ArrayList<>();
        List<LogEvent> live = new java.util.ArrayList<>();
        READER.read(MemoryFile.utf8("x.json", SYSMON_1 + SYSMON_1.replace("whoami", "ipconfig")), e -> {
            kept.add(e.retain());
            live.add(e);
        });
        assertThat(kept).extracting(e -> e.get("CommandLine")).containsExactly("cmd /c whoami", "cmd /c ipconfig");
        assertThat(kept.get(0).logsource().category()).isEqualTo("process_creation");
        assertThat(live.get(0)).as("the reader reuses one event").isSameAs(live.get(1));
    }

    @Test
    void readersKnowTheWindowsJsonKind() {
        assertThat(Readers.forKind(SourceKind.WINDOWS_JSON)).isInstanceOf(WindowsJsonReader.class);
    }

    @Test
    void everySigmaHqRegressionExportReadsWithoutAWarning() throws Exception {
        Path data = CorpusFiles.root().resolve("sigma/regression_data");
        assertThat(data).as("corpus folder (set -Dexhunt.corpus)").isDirectory();
        List<Path> files;
        try (var walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(150);
        long events = 0;
        for (Path p : files) {
            MemoryFile.Collected c = MemoryFile.collect(READER, new MemoryFile(p.toString(), Files.readAllBytes(p)));
            assertThat(c.result().warnings()).as(p.toString()).isEmpty();
            assertThat(c.events()).as(p.toString()).isNotEmpty();
            for (LogEvent e : c.events()) {
                assertThat(e.timestamp()).as(p.toString()).isNotNull();
                assertThat(e.logsource().service()).as("channel %s of %s is mapped", e.get("Channel"), p).isNotNull();
            }
            events += c.events().size();
        }
        assertThat(events).isGreaterThan(200);
    }
}
