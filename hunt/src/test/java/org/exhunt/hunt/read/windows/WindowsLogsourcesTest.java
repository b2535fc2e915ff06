package org.exhunt.hunt.read.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.event.SourceRef;
import org.exhunt.sigma.Logsource;
import org.junit.jupiter.api.Test;

class WindowsLogsourcesTest {

    private static final WindowsLogsources MAPPING = WindowsLogsources.builtIn();
    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

    private static Logsource ls(String category, String service) {
        return new Logsource("windows", category, service);
    }

    @Test
    void sysmonEventIdsNameTheirCategories() {
        assertThat(MAPPING.logsourceOf(SYSMON, null, 1)).isEqualTo(ls("process_creation", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 3)).isEqualTo(ls("network_connection", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 7)).isEqualTo(ls("image_load", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 10)).isEqualTo(ls("process_access", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 11)).isEqualTo(ls("file_event", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 13)).isEqualTo(ls("registry_set", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 18)).isEqualTo(ls("pipe_created", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 22)).isEqualTo(ls("dns_query", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 23)).isEqualTo(ls("file_delete", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 25)).isEqualTo(ls("process_tampering", "sysmon"));
        assertThat(MAPPING.logsourceOf(SYSMON, null, 999)).as("an unlisted ID keeps the service").isEqualTo(ls(null, "sysmon"));
    }

    @Test
    void sysmonRegistryEvent12IsToldApartByItsEventType() {
        WindowsEventBuilder b = new WindowsEventBuilder(SourceKind.WINDOWS_JSON, MAPPING);
        SourceRef at = new SourceRef("x", 1, 1, 0);
        Logsource create = b.begin().system("Channel", SYSMON).system("EventID", 12L).data("EventType", "CreateKey")
                .finish(at).logsource();
        Logsource delete = b.begin().system("Channel", SYSMON).system("EventID", 12L).data("EventType", "deletevalue")
                .finish(at).logsource();
        Logsource other = b.begin().system("Channel", SYSMON).system("EventID", 12L).finish(at).logsource();
        assertThat(create.category()).isEqualTo("registry_add");
        assertThat(delete.category()).isEqualTo("registry_delete");
        assertThat(other.category()).isEqualTo("registry_event");
    }

    @Test
    void security4688IsProcessCreationWithSysmonNamesAndOtherSecurityEventsAreNot() {
        WindowsEventBuilder b = new WindowsEventBuilder(SourceKind.WINDOWS_JSON, MAPPING);
        WindowsEvent e = b.begin().system("Channel", "Security").system("EventID", "4688")
                .data("NewProcessName", "C:\\Windows\\System32\\cmd.exe")
                .data("ParentProcessName", "C:\\Windows\\System32\\inetsrv\\w3wp.exe")
                .data("SubjectLogonId", "0x3e7")
                .finish(new SourceRef("x", 1, 1, 0));
        assertThat(e.logsource()).isEqualTo(ls("process_creation", "security"));
        assertThat(e.get("Image")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(e.get("ParentImage")).isEqualTo("C:\\Windows\\System32\\inetsrv\\w3wp.exe");
        assertThat(e.get("LogonId")).isEqualTo("0x3e7");
        assertThat(e.values()).as("aliases add no keyword text").containsOnlyOnce("C:\\Windows\\System32\\cmd.exe");
        assertThat(MAPPING.logsourceOf("Security", null, 4624)).isEqualTo(ls(null, "security"));
    }

    @Test
    void powershellAndExchangeAndDefenderChannelsNameSigmaHqServices() {
        assertThat(MAPPING.logsourceOf("Microsoft-Windows-PowerShell/Operational", null, 4104)).isEqualTo(ls("ps_script", "powershell"));
        assertThat(MAPPING.logsourceOf("Microsoft-Windows-PowerShell/Operational", null, 4103)).isEqualTo(ls("ps_module", "powershell"));
        assertThat(MAPPING.logsourceOf("Windows PowerShell", null, 400)).isEqualTo(ls("ps_classic_start", "powershell-classic"));
        assertThat(MAPPING.logsourceOf("Windows PowerShell", null, 600)).isEqualTo(ls("ps_classic_provider_start", "powershell-classic"));
        assertThat(MAPPING.logsourceOf("Windows PowerShell", null, 800)).isEqualTo(ls("ps_classic_script", "powershell-classic"));
        assertThat(MAPPING.logsourceOf("MSExchange Management", null, 1)).isEqualTo(ls(null, "msexchange-management"));
        assertThat(MAPPING.logsourceOf("Microsoft-Windows-Windows Defender/Operational", null, 1116))
                .isEqualTo(ls("antivirus", "windefend"));
        assertThat(MAPPING.logsourceOf("Microsoft-Windows-Windows Defender/Operational", null, 5001)).isEqualTo(ls(null, "windefend"));
        assertThat(MAPPING.logsourceOf("Microsoft-Windows-TaskScheduler/Operational", null, 106)).isEqualTo(ls(null, "taskscheduler"));
        assertThat(MAPPING.logsourceOf("system", null, 7045)).as("channel names in any letter case").isEqualTo(ls(null, "system"));
    }

    @Test
    void theProviderStandsForTheChannelOnlyWhenAnExportHasNoChannel() {
        assertThat(MAPPING.logsourceOf(null, "Microsoft-Windows-Sysmon", 1)).isEqualTo(ls("process_creation", "sysmon"));
        assertThat(MAPPING.logsourceOf("ForwardedEvents", "Microsoft-Windows-Sysmon", 1))
                .as("a channel we do not know is not second-guessed").isEqualTo(ls(null, null));
        assertThat(MAPPING.logsourceOf(null, null, 1)).isEqualTo(ls(null, null));
    }

    @Test
    void aMappingFileWithAMistakeSaysWhereAndWhat() {
        assertThatThrownBy(() -> WindowsLogsources.parse("mine.yml", "channels:\n  - channel: Security\n    servce: security\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mine.yml: channels[0]: unknown key 'servce'");
        assertThatThrownBy(() -> WindowsLogsources.parse("mine.yml",
                "channels:\n  - channel: Security\n    events:\n      - {id: forty, category: x}\n"))
                .hasMessage("mine.yml: channels[0].events[0].id: 'forty' is not an event ID number");
        assertThatThrownBy(() -> WindowsLogsources.parse("mine.yml", "channels:\n  - channel: A\n  - channel: a\n"))
                .hasMessageContaining("channel 'a' is mapped twice");
        assertThatThrownBy(() -> WindowsLogsources.parse("mine.yml", "channels: [\n"))
                .hasMessageStartingWith("mine.yml: not valid YAML");
    }

    @Test
    void aMappingFileOfOurOwnReplacesTheBuiltInOne() {
        WindowsLogsources mine = WindowsLogsources.parse("mine.yml", """
                product: windows
                channels:
                  - channel: Contoso/Operational
                    service: contoso
                    events:
                      - {id: [1, 2], category: process_creation, fields: {Image: ProgramPath}}
                """);
        assertThat(mine.logsourceOf("Contoso/Operational", null, 2)).isEqualTo(ls("process_creation", "contoso"));
        assertThat(mine.logsourceOf("Security", null, 4688)).isEqualTo(ls(null, null));
    }
}
