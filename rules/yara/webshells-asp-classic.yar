/*
 * Classic ASP (VBScript / JScript under asp.dll) shells beyond the one-liners: command consoles
 * over the Windows Script Host, file writers and managers over the FileSystemObject, downloaders,
 * SQL consoles and pages hidden behind the Script Encoder. Exchange itself ships no classic ASP,
 * so any of these in its web folders is foreign; the conditions still pair a request source with a
 * dangerous object so that ordinary ASP applications stay quiet.
 */

rule exhunt_asp_server_object_shell_by_clsid
{
    meta:
        title = "Classic ASP page instantiates a command shell object by class id"
        description = "A server-side <object> tag creates WScript.Shell or Shell.Application by its CLSID, the way large ASP shells reach the command line without naming the ProgID that scanners look for."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.003 exhunt.outcome.post-exploitation"
        id = "0e8ca953-769f-4c36-b210-dd261690b65f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $server_object = /<object[^>]{0,300}runat\s*=\s*["']?server/ nocase ascii wide
        $wsh_clsid_1 = "72C24DD5-D70A-438B-8A42-98424B88AFB8" nocase ascii wide
        $wsh_clsid_2 = "F935DC22-1CF0-11D0-ADB9-00C04FD58A0B" nocase ascii wide
        $shell_app_clsid = "13709620-C279-11CE-A49E-444553540000" nocase ascii wide
    condition:
        $server_object and any of ($wsh_clsid_*, $shell_app_clsid)
}

rule exhunt_asp_wsh_command_console
{
    meta:
        title = "Classic ASP command console over WScript.Shell"
        description = "An ASP page creates WScript.Shell or Shell.Application and runs cmd.exe or a request value through Exec, Run or ShellExecute, reading the output back: a command console that hands the attacker cmd.exe as the web server's account."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.003 exhunt.outcome.post-exploitation"
        id = "551a1bf1-cf4e-4c8b-a724-b787b52a188f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $wsh = "WScript.Shell" nocase ascii wide
        $shell_app = "Shell.Application" nocase ascii wide
        $wsh_clsid_1 = "72C24DD5-D70A-438B-8A42-98424B88AFB8" nocase ascii wide
        $wsh_clsid_2 = "F935DC22-1CF0-11D0-ADB9-00C04FD58A0B" nocase ascii wide
        $exec_call = /\.(exec|run|ShellExecute)\s*[\s(]/ nocase ascii wide
        $output = /\.\s*stdout\s*\.\s*read(all|line)?/ nocase ascii wide
        $cmd_1 = "cmd.exe" nocase ascii wide
        $cmd_2 = /cmd\s*\/[a-z]/ nocase ascii wide
        $cmd_3 = /["'&]\s*\/c\s/ nocase ascii wide
        $exec_request = /\.(exec|run|ShellExecute)\s*\(?\s*(["'][^"'\r\n]{0,40}["']\s*&\s*)?request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
    condition:
        any of ($wsh, $shell_app, $wsh_clsid_*) and (($exec_call and ($output or any of ($cmd_*))) or $exec_request)
}

rule exhunt_asp_fso_writes_request_data
{
    meta:
        title = "Classic ASP page writes request data to a file of the request's choosing"
        description = "An ASP page opens a file through the FileSystemObject at a path taken from the request, or writes request data into a file it creates: the small uploaders used to place a second, larger shell."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "58b3f7fa-5bff-4d6e-8b00-6dc70fa0445f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $fso = /Scripting\.FileSystemObject|clsid:0D43FE01-F093-11CF-8940-00A0C9054228/ nocase ascii wide
        $create_from_request = /\.(CreateTextFile|OpenTextFile)\s*\(\s*(trim\s*\(\s*)?(server\s*\.\s*mappath\s*\(\s*)?request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
        $write_request = /\.(write|writeline)\s*\(?\s*(["']{2}\s*&\s*)?request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
        $create_self = /\.CreateTextFile\s*\(\s*server\s*\.\s*mappath\s*\(\s*request\s*\.\s*ServerVariables/ nocase ascii wide
        $request = /request\s*(\.\s*(form|querystring|item)\s*)?[\[(]/ nocase ascii wide
        $create = /\.(CreateTextFile|OpenTextFile)\s*\(/ nocase ascii wide
        $self_path = /ServerVariables\s*\(\s*["'](SCRIPT_NAME|PATH_TRANSLATED|PATH_INFO|URL)["']\s*\)/ nocase ascii wide
        $write = /\.(write|writeline)\s*[\s(]/ nocase ascii wide
    condition:
        ($fso and ($create_from_request or $write_request or ($create_self and $request)
                   or (filesize < 30KB and $create and $write and #request > 1)
                   or ($self_path and $create and $write and $request)))
        // CreateTextFile and OpenTextFile are FileSystemObject methods: a file created at a path
        // the request names is the technique even when the ProgID is hidden from the first clause
        or ($create_from_request and $write)
}

rule exhunt_asp_file_manager
{
    meta:
        title = "Classic ASP file manager driven by request parameters"
        description = "An ASP page lists folders, deletes and writes files through the FileSystemObject or ADODB.Stream under the control of request parameters: the file manager of the big ASP shells."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1083 exhunt.outcome.post-exploitation"
        id = "ed67ea45-28d9-413a-8aae-13b90cbdc535"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $fso = /Scripting\.FileSystemObject|clsid:0D43FE01-F093-11CF-8940-00A0C9054228|FileSystemObject/ nocase ascii wide
        $request = /request\s*(\.\s*(form|querystring|item)\s*)?[\[(]/ nocase ascii wide
        $list_1 = ".SubFolders" nocase ascii wide
        $list_2 = /GetFolder\s*\(/ nocase ascii wide
        $list_3 = /\.Drives\b/ nocase ascii wide
        $delete_1 = /\.DeleteFile\s*[\s(]/ nocase ascii wide
        $delete_2 = /\.DeleteFolder\s*[\s(]/ nocase ascii wide
        $write_1 = /\.CreateTextFile\s*[\s(]/ nocase ascii wide
        $write_2 = /\.SaveToFile\s*[\s(]/ nocase ascii wide
        $write_3 = /\.(CopyFile|MoveFile|CopyFolder|MoveFolder)\s*[\s(]/ nocase ascii wide
    condition:
        $fso and #request > 2 and any of ($list_*) and (any of ($delete_*) or any of ($write_*))
}

rule exhunt_asp_remote_file_dropper
{
    meta:
        title = "Small classic ASP page downloads a file and saves it into the web folder"
        description = "A short ASP page fetches content with XMLHTTP and saves it with ADODB.Stream under the web root, a dropper that pulls a shell from the attacker's server."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "dc0bbcdd-d29d-4d00-afff-7d1cb5f6b96a"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $http = /(Microsoft|Msxml2)\.(Server)?XMLHTTP/ nocase ascii wide
        $stream = "ADODB.Stream" nocase ascii wide
        $save = /\.SaveToFile\s*\(?\s*(server\s*\.\s*mappath|request)/ nocase ascii wide
        // a fixed target path that ends in a server-script extension: the page installs a page
        $save_as_script = /\.SaveToFile\s*\(?\s*["'][^"'\r\n]{1,200}\.(asp|aspx|asa|cer|cdx|ashx|asmx|php|jsp)["']/ nocase ascii wide
        $body = "responseBody" nocase ascii wide
    condition:
        filesize < 20KB and $http and $stream and ($save or $save_as_script) and $body
}

rule exhunt_asp_sql_console
{
    meta:
        title = "Classic ASP SQL console: connection string or statement taken from the request"
        description = "An ASP page opens an ADODB connection or runs a statement whose text comes straight from the request, letting anyone with the URL query or change the databases the server can reach."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.collection attack.t1213 exhunt.outcome.post-exploitation"
        id = "594859a5-bd8c-42b2-9055-6d6d58ed8a13"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $ado = /ADODB\.(Connection|Recordset|Command)/ nocase ascii wide
        $open_request = /\.open\s*\(?\s*(trim\s*\(\s*)?request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
        $execute_request = /\.execute\s*\(?\s*(trim\s*\(\s*)?request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
    condition:
        $ado and ($open_request or $execute_request)
}

rule exhunt_asp_script_encoded_page
{
    meta:
        title = "Classic ASP page hidden with the Microsoft Script Encoder"
        description = "An ASP page declares VBScript.Encode or JScript.Encode and carries an encoded block; shell kits encode themselves this way to hide their code, and nothing in an Exchange or IIS web folder needs it."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "e603f697-114f-45d8-a06d-84b96348494b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $directive = /language\s*=\s*["']?\s*(VBScript|JScript)\.Encode/ nocase ascii wide
        $block = "#@~^" ascii wide
    condition:
        $directive and $block
}

rule exhunt_asp_sensitive_names_split_apart
{
    meta:
        title = "Script splits the names of shell and file objects to avoid signatures"
        description = "A page builds names such as WScript.Shell, Shell.Application, Scripting.FileSystemObject or ADODB.Stream out of string pieces, an evasion only a web shell needs."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "5ff8e360-f574-472d-ad48-cf9f1804ea38"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // a string literal that starts in the middle of one of the names: no program writes that
        // except to glue the name back together
        $mid_name = /["'](ipt\.Shell|ript\.Shell|pt\.Shell|t\.Shell|hell\.Appl|ell\.Appl|ll\.Appl|l\.Appl|ing\.Fil|ng\.File|g\.File|eSyst|ileSystemOb|ystemObj|emObject|DB\.Stream|B\.Stream)/ nocase ascii wide
    condition:
        $mid_name
}

rule exhunt_asp_stream_saves_request_body
{
    meta:
        title = "Classic ASP page moves files in or out through ADODB.Stream at the request's say"
        description = "An ASP page writes the raw request body or a request parameter into an ADODB.Stream and saves it, or saves to or loads from a path named in the request: an uploader for a larger shell, or a downloader of any file the server account can read."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "b9133a81-bcf9-4b50-9bae-ecb3bd038e84"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $stream = "ADODB.Stream" nocase ascii wide
        $body = /\.BinaryRead\s*\(/ nocase ascii wide
        $save = /\.SaveToFile\s*[\s(]/ nocase ascii wide
        $text_from_request = /\.WriteText\s*\(?\s*request\s*[\.(]/ nocase ascii wide
        $save_to_request = /\.SaveToFile\s*\(?\s*(server\s*\.\s*mappath\s*\(\s*)?request\s*[\.(]/ nocase ascii wide
        $load_from_request = /\.LoadFromFile\s*\(?\s*(trim\s*\(\s*)?(server\s*\.\s*mappath\s*\(\s*)?request\s*[\.(]/ nocase ascii wide
    condition:
        $stream and (($body and $save and filesize < 30KB) or $text_from_request or $save_to_request or $load_from_request)
}

rule exhunt_asp_hides_its_own_file
{
    meta:
        title = "Classic ASP page sets hidden or system attributes on its own file"
        description = "An ASP page looks up its own path (PATH_TRANSLATED or SCRIPT_NAME) and sets file attributes on it, so the shell hides from directory listings and resists deletion."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1564.001 exhunt.outcome.post-exploitation"
        id = "4a062b36-ce73-40ca-a7f5-567f146d9177"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $self = /ServerVariables\s*\(\s*["'](PATH_TRANSLATED|SCRIPT_NAME|PATH_INFO)["']/ nocase ascii wide
        $attributes = /\.attributes\s*=\s*\d/ nocase ascii wide
    condition:
        $self and $attributes and filesize < 50KB
}

rule exhunt_asp_includes_non_script_file
{
    meta:
        title = "Server-side include or script source that loads an image, text or archive file"
        description = "A page includes, or takes its server script from, a file with an image, text or archive extension: the shell code hides in that file, which upload filters and scanners skip."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1036.008 exhunt.outcome.post-exploitation"
        id = "7f162a79-48ca-4b15-8238-afe7724af672"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $include = /<!--\s*#\s*include\s+(file|virtual)\s*=\s*["'][^"']{1,200}\.(jpe?g|gif|png|bmp|ico|txt|rar|zip|doc|xls|log|dat|css)["']/ nocase ascii wide
        $script_src = /<script[^>]{0,200}runat\s*=\s*["']?server[^>]{0,200}src\s*=\s*["'][^"']{1,200}\.(jpe?g|gif|png|bmp|ico|txt|rar|zip|log|dat|css)["']/ nocase ascii wide
        $script_src_first = /<script[^>]{0,200}src\s*=\s*["'][^"']{1,200}\.(jpe?g|gif|png|bmp|ico|txt|rar|zip|log|dat|css)["'][^>]{0,200}runat\s*=\s*["']?server/ nocase ascii wide
        $page_src = /<%@\s*Page[^%]{0,300}\b(src|CodeFile)\s*=\s*["'][^"']{1,200}\.(jpe?g|gif|png|bmp|ico|txt|rar|zip|log|dat|css)["']/ nocase ascii wide
    condition:
        any of them
}

rule exhunt_asp_utf7_codepage
{
    meta:
        title = "Classic ASP page declares the UTF-7 code page"
        description = "An ASP page declares CODEPAGE=65000 (UTF-7), under which text such as +AGUAdgBhAGw- is decoded into script: an encoding trick to hide a shell's keywords, with no legitimate use in a page."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "1c008967-d003-495a-b5a9-7637174fd1ac"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $directive = /<%@[^%]{0,100}codepage\s*=\s*["']?65000\b/ nocase ascii wide
        $session = /Session\s*\.\s*CodePage\s*=\s*65000\b/ nocase ascii wide
    condition:
        any of them
}

rule exhunt_asp_dynamic_com_or_wmi_process
{
    meta:
        title = "Classic ASP page creates a COM object named by the request or starts processes through WMI"
        description = "An ASP page passes a request value to CreateObject, or binds to winmgmts and calls Win32_Process.Create: ways to reach any COM server or start programs without naming WScript.Shell."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1047 attack.t1559.001 exhunt.outcome.post-exploitation"
        id = "bf7837e3-8640-486a-bd29-61a44f98aade"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $com_from_request = /CreateObject\s*\(\s*(trim\s*\(\s*)?request\s*(\.\s*(form|querystring|item)\s*)?[\[(]/ nocase ascii wide
        $wmi = "winmgmts" nocase ascii wide
        $process_class = "Win32_Process" nocase ascii wide
        $create = /\.Create\s*[\s(]/ nocase ascii wide
    condition:
        $com_from_request or ($wmi and $process_class and $create)
}

rule exhunt_asp_com_name_assembled_from_pieces
{
    meta:
        title = "Classic ASP page creates a COM object whose name it glues together from pieces"
        description = "CreateObject gets its ProgID as three or more concatenated pieces (short literals, Chr() codes, variables), for example 'scr' & 'ipt' & 'ing.' and so on, so that the name of the file system, shell or script-control object never appears whole. Applications name the objects they use."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "a2e48851-27c7-4300-a09c-51b8eb204532"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // the first piece is a literal or a Chr() code, then at least two more pieces joined by &
        $assembled = /CreateObject\s*\(\s*("[^"\r\n]{0,24}"|chrw?\s*\(\s*&?\w{1,6}\s*\))\s*&\s*("[^"\r\n]{0,24}"|chrw?\s*\(\s*&?\w{1,6}\s*\)|[a-z_]\w{0,20})\s*&\s*("[^"\r\n]{0,24}"|chrw?\s*\(\s*&?\w{1,6}\s*\))/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and $assembled
}

rule exhunt_asp_intrinsics_handed_to_script_host
{
    meta:
        title = "Classic ASP page hands its Request object to another script host"
        description = "A page gives the ASP intrinsic objects (Request, Response, Server, Session, Application) to a COM object that runs script: ScriptControl's AddObject followed by ExecuteStatement or Eval, or a third-party encoder object called with a language directive and the intrinsics. The code that runs is then invisible to the page's own text; ordinary components get what they need, not a script language plus the whole request."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "7ac66255-7bfa-41da-89d1-3ebe750ae7f2"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $add_request = /\.AddObject\s*\(?\s*[^,\r\n]{1,80},\s*request\b/ nocase ascii wide
        $run_script = /\.(ExecuteStatement|AddCode|Eval)\b/ nocase ascii wide
        $intrinsics = /\b(Application|Request|Response|Server|Session)\s*,\s*(Application|Request|Response|Server|Session)\s*,\s*(Application|Request|Response|Server|Session)\s*,\s*(Application|Request|Response|Server|Session)\b/ nocase ascii wide
        $language = /["']\s*LANGUAGE\s*=\s*(VBSCRIPT|JSCRIPT)/ nocase ascii wide
        $com = /CreateObject\s*\(/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and (($add_request and $run_script) or ($intrinsics and $language and $com))
}
