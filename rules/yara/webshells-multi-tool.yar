/*
 * The large "do everything" shells: a login form, then panels for files, commands, databases,
 * server facts, users, ports and services. No single call gives them away - each appears in some
 * administration page - but a request-driven page that reaches for several of them at once
 * (four in classic ASP, which Exchange never ships; five in ASP.NET) is a shell, not an application. The indicators are counted once each.
 */

rule exhunt_multi_tool_asp_classic
{
    meta:
        title = "Classic ASP page combining many shell capabilities"
        description = "A request-driven ASP page reaches for four or more attacker capabilities at once (command shell objects, file system, streams, SQL command execution, network and registry objects, server fingerprinting): the profile of the large ASP shell kits."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1082 attack.t1083 exhunt.outcome.post-exploitation"
        id = "f2857218-6815-4859-ab8a-be1d028a621c"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $request = /request\s*(\.\s*(form|querystring|item)\s*)?[\[(]/ nocase ascii wide
        $c_fso = "FileSystemObject" nocase ascii wide
        $c_wsh = "WScript.Shell" nocase ascii wide
        $c_shell_app = "Shell.Application" nocase ascii wide
        $c_stream = "ADODB.Stream" nocase ascii wide
        $c_network = "WScript.Network" nocase ascii wide
        $c_xp_cmdshell = "xp_cmdshell" nocase ascii wide
        $c_sp_oacreate = "sp_oacreate" nocase ascii wide
        $c_cmd = "cmd.exe" nocase ascii wide
        $c_net_user = /net\s+(user|localgroup)\s/ nocase ascii wide
        $c_local_addr = /ServerVariables\s*\(\s*["'](LOCAL_ADDR|SERVER_SOFTWARE|NUMBER_OF_PROCESSORS|APPL_PHYSICAL_PATH|PATH_TRANSLATED)["']/ nocase ascii wide
        $c_timeout = /Server\s*\.\s*ScriptTimeout\s*=\s*\d{5,}/ nocase ascii wide
        $c_delete = /\.(DeleteFile|DeleteFolder)\b/ nocase ascii wide
        $c_list = /\.(SubFolders|GetFolder)\b/ nocase ascii wide
        $c_drives = /\.Drives\b/ nocase ascii wide
        $c_registry = /\.(RegRead|RegWrite)\b/ nocase ascii wide
        $c_metabase = "IIS://localhost/W3SVC" nocase ascii wide
        $c_http = /(Msxml2|Microsoft)\.(Server)?XMLHTTP/ nocase ascii wide
        $c_binary_read = /\.BinaryRead\b/ nocase ascii wide
        $c_attributes = /\.attributes\s*=/ nocase ascii wide
        $c_servu = "LocalAdministrator" nocase ascii wide
        $c_port_scan = /(MSWinsock|TcpClient|Winsock)/ nocase ascii wide
        $c_rdp_port = /Terminal Server\\\\?WinStations|RDP-Tcp/ nocase ascii wide
        $c_load_file = /\.LoadFromFile\b/ nocase ascii wide
        $c_special_folder = /\.(GetSpecialFolder|ExpandEnvironmentStrings)\b/ nocase ascii wide
        $c_wmi = "winmgmts" nocase ascii wide
    condition:
        filesize < 3MB and $request and 4 of ($c_*)
}

rule exhunt_multi_tool_aspnet
{
    meta:
        title = "ASP.NET page combining many shell capabilities"
        description = "An ASP.NET page reaches for five or more attacker capabilities at once (processes, drives and folders, file deletion, registry, services, user accounts, SQL, sockets, server fingerprinting, COM shell objects): the profile of ASPXSpy and the other large ASP.NET shells."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1082 attack.t1083 exhunt.outcome.post-exploitation"
        id = "a1ebfa57-e65a-40d3-9e03-00495c741c7e"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
        $c_process = /ProcessStartInfo|new\s+(System\.Diagnostics\.)?Process\s*\(/ nocase ascii wide
        $c_cmd = "cmd.exe" nocase ascii wide
        $c_drives = /GetLogicalDrives|DriveInfo\s*\.\s*GetDrives/ ascii wide
        $c_list = /Directory\s*\.\s*GetDirectories|\.GetFileSystemInfos\s*\(/ ascii wide
        $c_delete = /(File|Directory)\s*\.\s*Delete\s*\(/ nocase ascii wide
        $c_registry = /Registry\s*\.\s*(LocalMachine|CurrentUser|Users)|OpenSubKey\s*\(/ ascii wide
        $c_services = /ServiceController|Win32_Service|System\.ServiceProcess/ ascii wide
        $c_accounts = /WinNT:\/\/|Win32_UserAccount|net\s+user\s/ nocase ascii wide
        $c_sql = /xp_cmdshell|sp_oacreate|SqlConnection|OleDbConnection/ nocase ascii wide
        $c_socket = /new\s+(System\.Net\.Sockets\.)?(TcpClient|Socket)\s*\(/ nocase ascii wide
        $c_environment = /Environment\s*\.\s*(MachineName|UserName|OSVersion|SystemDirectory)/ ascii wide
        $c_com_shell = /WScript\.Shell|Shell\.Application|Scripting\.FileSystemObject/ nocase ascii wide
        $c_metabase = /IIS:\/\/localhost\/W3SVC/ nocase ascii wide
        $c_timestamps = /(File|Directory)\s*\.\s*Set(CreationTime|LastWriteTime|LastAccessTime)\s*\(/ ascii wide
        $c_upload = /\.\s*SaveAs\s*\(/ ascii wide
        $c_rdp_port = /Terminal Server\\\\?WinStations|RDP-Tcp/ nocase ascii wide
        $c_process_list = /Process\s*\.\s*GetProcesses\s*\(/ nocase ascii wide
        $c_wmi = /ManagementObjectSearcher|Win32_(OperatingSystem|Process|Service|LogicalDisk)/ nocase ascii wide
    condition:
        filesize < 3MB and $web and 5 of ($c_*)
}

rule exhunt_multi_tool_sql_shell_procedures
{
    meta:
        title = "Server page calls SQL Server procedures that run commands or create COM objects"
        description = "A server-side page mentions xp_cmdshell, sp_oacreate, sp_addextendedproc or xp_regwrite: the SQL Server routes to the command line that web shells offer once they hold database credentials; applications do not ship them in pages."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.003 exhunt.outcome.post-exploitation"
        id = "6abc1b39-94c7-4c46-8788-147d1ebfcaf6"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $proc = /xp_cmdshell|sp_oacreate|sp_oamethod|sp_addextendedproc|xp_regwrite/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $proc and $server
}

rule exhunt_multi_tool_directory_service_recon
{
    meta:
        title = "Server page enumerates IIS sites or local accounts through ADSI"
        description = "A server-side page binds to IIS://localhost/W3SVC or WinNT:// to list the web sites, their paths and credentials, or the machine's users and groups: reconnaissance panels of web shells."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1087.001 exhunt.outcome.post-exploitation"
        id = "d730f829-96df-440e-9f32-514978694124"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $iis = /IIS:\/\/localhost\/W3SVC/ nocase ascii wide
        $winnt = /WinNT:\/\/[^"'\r\n]{0,60}/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        ($iis or $winnt) and $server
}

rule exhunt_multi_tool_open_http_proxy
{
    meta:
        title = "Server page fetches a URL taken from the request (open HTTP proxy)"
        description = "A server-side page requests a URL its client names (XMLHTTP or WebRequest/WebClient on a request value) and relays the answer: a proxy into the internal network that shell kits ship for pivoting."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1090 exhunt.outcome.post-exploitation"
        id = "31982e61-719e-479f-932d-705d7abefc55"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $xmlhttp = /(Msxml2|Microsoft)\.(Server)?XMLHTTP|WinHttp\.WinHttpRequest/ nocase ascii wide
        $url_param = /request\s*(\.\s*(querystring|form|item)\s*)?[\[(]\s*["'](url|target|uri|host|site|proxy)["']/ nocase ascii wide
        $open = /\.Open\s*\(?\s*["'](GET|POST)["']\s*,/ nocase ascii wide
        $dotnet_fetch = /(WebRequest\s*\.\s*Create|\.\s*Download(String|Data|File))\s*\(\s*(new\s+Uri\s*\(\s*)?Request\s*(\.\s*(QueryString|Form|Item|Params)\s*)?[\[(]/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and (($xmlhttp and $open and $url_param) or $dotnet_fetch)
}

rule exhunt_multi_tool_database_client_to_any_server
{
    meta:
        title = "Server page connects to a database server and account it is told"
        description = "A server-side page assembles a connection string whose server and credentials come from variables (form fields or the request) and opens it: a SQL client to any reachable database, as shell kits provide, where applications read fixed connection strings from configuration."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.collection attack.t1213 exhunt.outcome.post-exploitation"
        id = "b7f3d2e8-d124-416b-b242-abc3b93590a8"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $assembled = /(server|data source|address)\s*=\s*["']\s*[+&]\s*[^;\r\n]{1,60}[;"'][^\r\n]{0,120}(uid|user id|user)\s*=\s*["']?\s*[+&]/ nocase ascii wide
        // the same assembly spread over several source lines: "Data source=" + a +\n ";User id=" + b
        $assembled_lines = /(server|data source|address)\s*=\s*["']\s*[+&]\s*[\w.]{1,60}\s*[+&]\s*["']\s*;\s*(uid|user id|user)\s*=/ nocase ascii wide
        // or a format string whose server and password are placeholders
        $formatted = /(server|host|data source)\s*=\s*\{\d\}[^"\r\n]{0,80}(password|pwd)\s*=\s*\{\d\}/ nocase ascii wide
        $file_from_request = /data\s+source\s*=\s*["']\s*[+&]\s*(server\s*\.\s*mappath\s*\(\s*)?request\s*(\.\s*(form|querystring|item)\s*)?[\[(]/ nocase ascii wide
        $connection = /SqlConnection|OleDbConnection|OdbcConnection|ADODB\.Connection/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        ($assembled or $assembled_lines or $formatted or $file_from_request) and $connection and $server
}

rule exhunt_multi_tool_aspnet_imports
{
    meta:
        title = "Self-contained ASP.NET page importing the namespaces of a shell kit"
        description = "A page imports five or more of the namespaces for processes, reflection, sockets, registry, directory services, Windows services, WMI, native interop, cryptography, networking, files and databases: inline code that reaches for that much of the system is a shell kit, while applications keep such code in compiled assemblies."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1082 exhunt.outcome.post-exploitation"
        id = "f7496c4f-364b-4b1c-8a86-f98d98bfc706"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $ns_diagnostics = /Import\s+Namespace\s*=\s*["']?\s*System\.Diagnostics\s*["']/ nocase ascii wide
        $ns_reflection = /Import\s+Namespace\s*=\s*["']?\s*System\.Reflection\s*["']/ nocase ascii wide
        $ns_sockets = /Import\s+Namespace\s*=\s*["']?\s*System\.Net\.Sockets\s*["']/ nocase ascii wide
        $ns_registry = /Import\s+Namespace\s*=\s*["']?\s*Microsoft\.Win32\s*["']/ nocase ascii wide
        $ns_directory_services = /Import\s+Namespace\s*=\s*["']?\s*System\.DirectoryServices\s*["']/ nocase ascii wide
        $ns_services = /Import\s+Namespace\s*=\s*["']?\s*System\.ServiceProcess\s*["']/ nocase ascii wide
        $ns_management = /Import\s+Namespace\s*=\s*["']?\s*System\.Management\s*["']/ nocase ascii wide
        $ns_interop = /Import\s+Namespace\s*=\s*["']?\s*System\.Runtime\.InteropServices\s*["']/ nocase ascii wide
        $ns_cryptography = /Import\s+Namespace\s*=\s*["']?\s*System\.Security\.Cryptography\s*["']/ nocase ascii wide
        $ns_net = /Import\s+Namespace\s*=\s*["']?\s*System\.Net\s*["']/ nocase ascii wide
        $ns_io = /Import\s+Namespace\s*=\s*["']?\s*System\.IO\s*["']/ nocase ascii wide
        $ns_sql_client = /Import\s+Namespace\s*=\s*["']?\s*System\.Data\.SqlClient\s*["']/ nocase ascii wide
        $ns_ole_db = /Import\s+Namespace\s*=\s*["']?\s*System\.Data\.OleDb\s*["']/ nocase ascii wide
    condition:
        5 of ($ns_*)
}

rule exhunt_multi_tool_adds_local_account
{
    meta:
        title = "Server page creates a local account or adds one to Administrators"
        description = "A server-side page carries a 'net user ... /add' or 'net localgroup administrators ... /add' command: a web shell's one-click persistence, which turns web access into an interactive logon."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.t1136.001 attack.privilege-escalation attack.t1098 exhunt.outcome.post-exploitation"
        id = "4e85705b-c9be-4133-bfd2-a88ef9bd205b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $add = /net1?(\.exe)?\s+(user|localgroup)\s[^\r\n]{0,120}\/add\b/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $add and $server
}
