package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.SigmaRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule cases assume field names; this runs events exported as evtx_dump writes them through
 * the real reader, logsource mapping and scanner, so a rule naming a field the reader does not
 * produce (or a channel the mapping sends elsewhere) fails here.
 */
class WindowsRulesThroughTheScannerTest {

    /** One event per line, in evtx_dump's JSON shape; the line number is the record's index. */
    private static final List<String> ATTACK = List.of(
        // 1: classic Application event, unnamed Data values
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSExchange Unified Messaging"}},"EventID":{"#attributes":{"Qualifiers":49152},"#text":1136},"Level":2,"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:10:11.000000Z"}},"Channel":"Application","Computer":"EXCH01.contoso.local"},"EventData":{"Data":{"#text":["UMWorkerProcess","System.InvalidCastException: Unable to cast object of type 'System.Windows.Data.ObjectDataProvider' to type 'Microsoft.Exchange.UM.UMCore.UMVoiceMailMessage'."]}}}}""",
        // 2: MSExchange Management cmdlet log
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSExchange CmdletLogs"}},"EventID":{"#attributes":{"Qualifiers":16384},"#text":1},"TimeCreated":{"#attributes":{"SystemTime":"2021-08-13T07:41:02.000000Z"}},"Channel":"MSExchange Management","Computer":"EXCH01.contoso.local"},"EventData":{"Data":{"#text":["New-MailboxExportRequest","-Mailbox \\"administrator@contoso.com\\" -IncludeFolders \\"#Drafts#\\" -FilePath \\"\\\\\\\\127.0.0.1\\\\c$\\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\vvdw.aspx\\"","contoso.local/Users/Administrator","ServerRemoteManagement"]}}}}""",
        // 3: Sysmon process creation
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":1,"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:12:00.000000Z"}},"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"EXCH01.contoso.local"},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\cmd.exe","OriginalFileName":"Cmd.Exe","CommandLine":"cmd /c \\"cd /d \\"C:\\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\\\"&whoami&echo [S]&cd&echo [E]\\"","ParentImage":"C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"}}}""",
        // 4: Security 4688, the same kind of start without Sysmon
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":4688,"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:13:00.000000Z"}},"Channel":"Security","Computer":"EXCH01.contoso.local"},"EventData":{"Data":[{"#attributes":{"Name":"NewProcessName"},"#text":"C:\\\\Windows\\\\System32\\\\rundll32.exe"},{"#attributes":{"Name":"CommandLine"},"#text":"rundll32.exe C:\\\\windows\\\\System32\\\\comsvcs.dll, MiniDump 624 C:\\\\ProgramData\\\\lsass.dmp full"},{"#attributes":{"Name":"ParentProcessName"},"#text":"C:\\\\Windows\\\\System32\\\\cmd.exe"}]}}}""",
        // 5: Sysmon file creation
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":11,"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:14:00.000000Z"}},"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"EXCH01.contoso.local"},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe","TargetFilename":"C:\\\\Program Files\\\\Microsoft\\\\Exchange Server\\\\V15\\\\FrontEnd\\\\HttpProxy\\\\owa\\\\auth\\\\errorEE.aspx"}}}""",
        // 6: classic Windows PowerShell engine start
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"PowerShell"}},"EventID":{"#attributes":{"Qualifiers":0},"#text":400},"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:15:00.000000Z"}},"Channel":"Windows PowerShell","Computer":"EXCH01.contoso.local"},"EventData":{"Data":{"#text":["Available","None","\\tNewEngineState=Available\\r\\n\\tHostApplication=powershell.exe -Command Add-PSSnapin Microsoft.Exchange.Powershell.Snapin; Get-Mailbox\\r\\n"]}}}}""",
        // 7: Defender detection, names with spaces as the channel writes them
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Windows Defender"}},"EventID":1116,"TimeCreated":{"#attributes":{"SystemTime":"2021-03-03T02:16:00.000000Z"}},"Channel":"Microsoft-Windows-Windows Defender/Operational","Computer":"EXCH01.contoso.local"},"EventData":{"Product Name":"Microsoft Defender Antivirus","Threat Name":"Backdoor:ASP/Chopper.F!dha","Severity Name":"Severe","Path":"file:_C:\\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\supp0rt.aspx"}}}""");

    /** The same channels and providers with the ordinary events nearest to each attack above. */
    private static final List<String> BENIGN = List.of(
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSExchange Unified Messaging"}},"EventID":1136,"Channel":"Application"},"EventData":{"Data":{"#text":["UMWorkerProcess","System.Net.Sockets.SocketException: An existing connection was forcibly closed by the remote host"]}}}}""",
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"MSExchange CmdletLogs"}},"EventID":1,"Channel":"MSExchange Management"},"EventData":{"Data":{"#text":["New-MailboxExportRequest","-Mailbox \\"jane.doe\\" -FilePath \\"\\\\\\\\fs01\\\\pst$\\\\jane.doe.pst\\"","contoso.local/Users/Administrator"]}}}}""",
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\\\Windows\\\\Microsoft.NET\\\\Framework64\\\\v4.0.30319\\\\csc.exe","CommandLine":"csc.exe /noconfig /fullpaths @\\"C:\\\\Windows\\\\TEMP\\\\x.cmdline\\"","ParentImage":"C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"}}}""",
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":11,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{"Image":"C:\\\\ExchangeSetup\\\\Setup\\\\ServerRoles\\\\Common\\\\ExSetup.exe","TargetFilename":"C:\\\\Program Files\\\\Microsoft\\\\Exchange Server\\\\V15\\\\FrontEnd\\\\HttpProxy\\\\owa\\\\auth\\\\logon.aspx"}}}""",
        // a logon by the IIS worker: Security, but not a process start
        """
        {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":4624,"Channel":"Security"},"EventData":{"Data":[{"#attributes":{"Name":"ProcessName"},"#text":"C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"},{"#attributes":{"Name":"TargetUserName"},"#text":"HealthMailbox0a1b2c3"}]}}}""");

    @Test
    void evtxDumpExportsOfTheAttackRaiseTheirRulesThroughTheRealReader(@TempDir Path work) throws IOException {
        Map<Long, TreeSet<String>> byRecord = scan(write(work.resolve("attack.json"), ATTACK), ATTACK.size());
        assertThat(byRecord).isEqualTo(new TreeMap<>(Map.of(
                1L, new TreeSet<>(List.of("app_um_invalid_cast_cve_2021_26857.yml")),
                2L, new TreeSet<>(List.of("mgmt_mailbox_export_to_web_folder.yml")),
                3L, new TreeSet<>(List.of("proc_creation_china_chopper_command.yml", "proc_creation_w3wp_spawns_shell.yml")),
                4L, new TreeSet<>(List.of("proc_creation_lsass_dump_comsvcs.yml")),
                5L, new TreeSet<>(List.of("file_event_script_in_web_folder_by_exchange_process.yml")),
                6L, new TreeSet<>(List.of("ps_classic_exchange_snapin_loaded.yml")),
                7L, new TreeSet<>(List.of("av_web_shell_detected.yml")))));
    }

    @Test
    void theirBenignNeighboursRaiseNothing(@TempDir Path work) throws IOException {
        assertThat(scan(write(work.resolve("benign.json"), BENIGN), BENIGN.size())).isEmpty();
    }

    private static Path write(Path file, List<String> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(r.strip()).append('\n'));
        return Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Record number (1-based line) → rule files that fired on it; fails unless every record was read. */
    private static Map<Long, TreeSet<String>> scan(Path file, int records) {
        Path windowsRules = RulePack.sigmaFolder().resolve("windows");
        Map<String, String> fileById = new HashMap<>();
        for (SigmaRule r : new RuleLoader().addPath(windowsRules).load().rules()) {
            fileById.put(r.id(), Path.of(r.source()).getFileName().toString());
        }
        ScanResult result = new Scanner().scan(
                new ScanOptions(List.of(file), List.of(windowsRules), false, null, null, 1, Level.INFORMATIONAL),
                ScanListener.NONE);
        assertThat(result.coverage()).as("coverage of %s", file)
                .allSatisfy(c -> assertThat(c.kind()).as("kind of %s", c.path()).startsWith("windows"));
        assertThat(result.events()).as("events read from %s", file).isEqualTo(records);
        Map<Long, TreeSet<String>> byRecord = new TreeMap<>();
        for (Finding f : result.findings()) {
            assertThat(fileById).as("rule of finding %s", f).containsKey(f.rule().id());
            byRecord.computeIfAbsent(f.source().line(), k -> new TreeSet<>()).add(fileById.get(f.rule().id()));
        }
        return byRecord;
    }
}
