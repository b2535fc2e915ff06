/*
 * ASP.NET shells (C#, VB.NET, JScript.NET pages, handlers, web services and their code-behind):
 * command consoles, reflective and encrypted in-memory loaders (Godzilla, Behinder and kin),
 * file managers, SQL consoles, XSLT script runners and socket tunnels. Each rule asks for a web
 * entry point or a request source together with a dangerous capability, so library code that
 * merely uses one of these APIs does not match. Strings are also searched as UTF-16, because
 * ASP.NET compiles pages saved in that encoding as happily as in UTF-8.
 */

rule exhunt_aspnet_command_console
{
    meta:
        title = "ASP.NET page starts processes (cmd.exe, PowerShell or a program it is given)"
        description = "A page, handler or web service starts a process, typically cmd.exe or a program named in the request, and reads its output back: the command console of ASP.NET web shells; web pages have no reason to start programs."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.003 exhunt.outcome.post-exploitation"
        id = "400a6a8f-528e-4fcd-bb79-129b08799f0e"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $start_1 = "ProcessStartInfo" nocase ascii wide
        $start_2 = /new\s+(System\.Diagnostics\.)?Process\s*(\(\s*\)|[\r\n;])/ nocase ascii wide
        $start_3 = /Process\s*\.\s*Start\s*\(/ nocase ascii wide
        $start_4 = /StartInfo\s*\.\s*FileName\s*=/ nocase ascii wide
        $shell_1 = "cmd.exe" nocase ascii wide
        $shell_2 = "powershell" nocase ascii wide
        $shell_3 = /["']\s*\/c\s/ nocase ascii wide
        $shell_4 = /Arguments\s*=\s*["']\s*\/c/ nocase ascii wide
        $output_1 = "RedirectStandardOutput" nocase ascii wide
        $output_2 = /StandardOutput\s*\.\s*ReadToEnd/ nocase ascii wide
        $web_1 = /<%@\s*(Page|WebHandler|WebService|Control)\b/ nocase ascii wide
        $web_2 = /runat\s*=\s*["']?server/ nocase ascii wide
        $web_3 = /IHttp(Handler|Module)\b/ nocase ascii wide
        $web_4 = /Request\s*(\.\s*(Item|Form|QueryString|Params|Headers|Cookies)\s*)?[\[(.]/ nocase ascii wide
        $web_5 = "HttpContext" nocase ascii wide
        $no_shell_window = /UseShellExecute\s*=\s*false/ nocase ascii wide
        $vb_shell = /(Interaction\s*\.\s*)?\bShell\s*\(\s*(["'][^"'\r\n]{0,20}["']\s*[&+]\s*)?Request\s*[\[.(]/ nocase ascii wide
        $com_shell = /GetTypeFromProgID\s*\(\s*["'](WScript\.Shell|Shell\.Application)["']/ nocase ascii wide
        $start_request = /Process\s*\.\s*Start\s*\(\s*(["'][^"'\r\n]{1,40}["']\s*,\s*(["'][^"'\r\n]{0,10}["']\s*\+\s*)?)?(Request\s*[\[.(]|[A-Za-z_]\w*\s*\.\s*Text\s*[,)+])/ nocase ascii wide
    condition:
        $start_request or $vb_shell or ($com_shell and any of ($web_*))
        or (any of ($start_*) and ($web_1 or $web_2))
        or any of ($start_*) and any of ($web_*)
        and (any of ($shell_*) or any of ($output_*) or ($start_1 and $no_shell_window and $web_4))
}

rule exhunt_aspnet_reflective_loader
{
    meta:
        title = "ASP.NET page loads an assembly from request data and runs it"
        description = "A page reads bytes from the request (raw body, a parameter or a base64 string) or downloads them, loads them with Assembly.Load (called directly or looked up by name through reflection) and instantiates or invokes the result: an in-memory loader that runs whatever .NET code it is sent."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1620 exhunt.outcome.post-exploitation"
        id = "a464fb06-ce0d-4ba8-87ed-a28fe54c4ee1"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $load = /Assembly\s*\.\s*Load\s*\(/ nocase ascii wide
        $direct = /Assembly\s*\.\s*Load\s*\(\s*(Convert\s*\.\s*FromBase64String\s*\(\s*)?(Request|Context\s*\.\s*Request|HttpContext\s*\.\s*Current\s*\.\s*Request)\b/ nocase ascii wide
        $source_1 = /Request\s*\.\s*BinaryRead\s*\(/ nocase ascii wide
        $source_2 = /Request\s*\.\s*InputStream/ nocase ascii wide
        $source_3 = /FromBase64String\s*\(\s*(Request|Context\s*\.\s*Request)/ nocase ascii wide
        $source_4 = /\.\s*DownloadData\s*\(/ nocase ascii wide
        $run_1 = /\.\s*CreateInstance\s*\(/ nocase ascii wide
        $run_2 = /\.\s*EntryPoint\s*\.\s*Invoke\s*\(/ nocase ascii wide
        $run_3 = /GetMethod\s*\([^)]{0,80}\)\s*\.\s*Invoke\s*\(/ nocase ascii wide
        $load_by_name = /GetMethod\s*\(\s*["']Load["']/ nocase ascii wide
        $held = /Session\s*[\[.(]|Application\s*[\[(]/ nocase ascii wide
        $request = /Request\s*[\[.(]/ nocase ascii wide
    condition:
        $direct or ($load and any of ($source_*) and any of ($run_*)) or ($load_by_name and $held and $request)
}

rule exhunt_aspnet_encrypted_memory_loader
{
    meta:
        title = "ASP.NET page decrypts request data and loads it as an assembly (Godzilla / Behinder style)"
        description = "A page decrypts what the client posts with AES or Rijndael, loads the result with Assembly.Load and keeps it in the session or runs it at once: the encrypted in-memory loaders of Godzilla, Behinder and their copies, whose traffic looks like noise."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1620 attack.t1027 exhunt.outcome.post-exploitation"
        id = "a45bdce3-f54d-4298-bc42-1ef037824291"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $crypto_1 = "RijndaelManaged" nocase ascii wide
        $crypto_2 = "AesManaged" nocase ascii wide
        $crypto_3 = "AesCryptoServiceProvider" nocase ascii wide
        $crypto_4 = /Aes\s*\.\s*Create\s*\(/ nocase ascii wide
        $crypto_5 = "TransformFinalBlock" nocase ascii wide
        $crypto_6 = "CreateDecryptor" nocase ascii wide
        $load = /Assembly\s*\.\s*Load\s*\(|GetMethod\s*\(\s*["']Load["']/ nocase ascii wide
        $keep_1 = /Session\s*\[/ nocase ascii wide
        $keep_2 = /Request\s*\.\s*(BinaryRead|InputStream|Form|Item|Params)\b/ nocase ascii wide
        $keep_3 = /Request\s*\[/ nocase ascii wide
        $keep_4 = /\.\s*CreateInstance\s*\(/ nocase ascii wide
    condition:
        any of ($crypto_*) and $load and 2 of ($keep_*)
}

rule exhunt_aspnet_file_manager
{
    meta:
        title = "ASP.NET file manager that uploads, lists and deletes"
        description = "A page combines uploading, directory listing and deleting files or folders, the file manager of the large ASP.NET shells (ASPXSpy and its relatives)."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1083 exhunt.outcome.post-exploitation"
        id = "7487198b-9d25-470f-9cbd-4a08c6cbc820"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $upload = /\.\s*SaveAs\s*\(/ nocase ascii wide
        $list_1 = /Directory\s*\.\s*GetFiles\s*\(/ nocase ascii wide
        $list_2 = /Directory\s*\.\s*GetDirectories\s*\(/ nocase ascii wide
        $list_3 = /\.\s*GetFileSystemInfos\s*\(/ nocase ascii wide
        $list_4 = /new\s+DirectoryInfo\s*\(/ nocase ascii wide
        $delete_1 = /File\s*\.\s*Delete\s*\(/ nocase ascii wide
        $delete_2 = /Directory\s*\.\s*Delete\s*\(/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $upload and any of ($list_*) and any of ($delete_*)
}

rule exhunt_aspnet_sql_console
{
    meta:
        title = "ASP.NET SQL console: connection string and statement from the page's input"
        description = "A page opens a database connection with a connection string typed into it and runs statements typed into it, the SQL console of web shells used to read or alter databases the server can reach."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.collection attack.t1213 exhunt.outcome.post-exploitation"
        id = "180da68b-7cc1-4204-b25f-0e81ec27f34f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $connection = /new\s+(System\.Data\.)?(SqlClient\.|OleDb\.|Odbc\.)?(Sql|OleDb|Odbc)Connection\s*\(\s*(Request|[A-Za-z_]\w*\s*\.\s*Text\b|Session\s*\[)/ nocase ascii wide
        $command = /new\s+(System\.Data\.)?(SqlClient\.|OleDb\.|Odbc\.)?(Sql|OleDb|Odbc)(Command|DataAdapter)\s*\(\s*(Request|[A-Za-z_]\w*\s*\.\s*Text\b)/ nocase ascii wide
        $exec = /\.\s*(ExecuteReader|ExecuteNonQuery|ExecuteScalar|Fill)\s*\(/ nocase ascii wide
        $property_from_input = /\.\s*(ConnectionString|CommandText)\s*=\s*(Request\s*[\[.(]|(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\s*;)/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $exec and ($connection or $command or $property_from_input)
}

rule exhunt_aspnet_xslt_script_runner
{
    meta:
        title = "ASP.NET page runs an XSLT stylesheet with embedded script"
        description = "A page transforms with a stylesheet that carries an msxsl:script block, a way to run JScript or C# through System.Xml.Xsl that slips past scanners looking for eval or Process."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1220 exhunt.outcome.post-exploitation"
        id = "81dccbc1-2f54-4a04-8e4c-583df48ac19e"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $script = "msxsl:script" nocase ascii wide
        $transform = /Xsl(Compiled)?Transform/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $script and $transform and $web
}

rule exhunt_aspnet_socket_tunnel
{
    meta:
        title = "ASP.NET socket tunnel (reGeorg / Neo-reGeorg style)"
        description = "A page opens sockets on behalf of its client and keeps them in the session, switching on commands such as CONNECT, FORWARD, READ and DISCONNECT: a tunnel into the internal network through the web server."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1090 attack.t1572 exhunt.outcome.post-exploitation"
        id = "cb0716e7-151e-4507-98f7-1c228ee59a1a"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $socket = /new\s+(System\.Net\.Sockets\.)?Socket\s*\(/ nocase ascii wide
        $session = /(Session|Application)\s*[\[.(]/ nocase ascii wide
        $verb_1 = "\"CONNECT\"" ascii wide
        $verb_2 = "\"FORWARD\"" ascii wide
        $verb_3 = "\"READ\"" ascii wide
        $verb_4 = "\"DISCONNECT\"" ascii wide
        $connect = /\.\s*Connect\s*\(/ nocase ascii wide
        $headers = /Request\s*\.\s*Headers/ nocase ascii wide
        $body = /Request\s*\.\s*(InputStream|BinaryRead)/ nocase ascii wide
        $request = /Request\s*(\.\s*(QueryString|Form|Params|Item)\s*)?\[/ nocase ascii wide
    condition:
        $socket and $session and (3 of ($verb_*) or ($connect and $headers and $body) or ($connect and $body and $request))
}

rule exhunt_aspnet_drops_script_file
{
    meta:
        title = "Server code writes a page that evaluates request data"
        description = "ASP.NET or classic ASP code writes a file whose text is a one-line shell (an eval or Execute of a request value), the dropper step that plants a new shell where the first one was found."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "0e5e75a7-bc74-48a1-99db-7989c2934f3f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $write = /(File\s*\.\s*(CreateText|WriteAllText|AppendAllText)|new\s+(System\.IO\.)?StreamWriter|\.\s*(CreateTextFile|OpenTextFile|SaveToFile))\s*\(/ nocase ascii wide
        // the one-liner inside a string: the sink and the request read, then the script markers on the same line
        $payload = /(eval|execute)[^\r\n]{0,40}Request/ nocase ascii wide
        $tag_in_string = /["'+&]\s*<%/ nocase ascii wide
        $script_in_string = /<script[^\r\n>]{0,80}runat\s*=\s*\\?["']?server/ nocase ascii wide
    condition:
        $write and $payload and ($tag_in_string or $script_in_string)
}

rule exhunt_aspnet_writes_file_from_input
{
    meta:
        title = "ASP.NET page writes a file whose path comes from the request or a text box"
        description = "A page creates or overwrites a file at a path typed into it or sent in the request, the small file writers attackers use to save a bigger shell next to the first."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "888aae2e-6b0e-4561-ac88-6c9038f1f75b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $path_from_input = /(File\s*\.\s*(WriteAllText|WriteAllBytes|AppendAllText|CreateText|Create)|new\s+(System\.IO\.)?(StreamWriter|FileInfo|FileStream))\s*\(\s*(Server\s*\.\s*MapPath\s*\(\s*)?(Request\s*[\[.(]|(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\s*[,)+])/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $path_from_input
}

rule exhunt_aspnet_file_read_from_input
{
    meta:
        title = "ASP.NET page sends or reads a file named by the request or a text box"
        description = "A page streams or reads a file at a path the visitor chooses (WriteFile, TransmitFile, ReadAllText, StreamReader on request or text-box input): the download and view panel of web shells, which reads any file the server account can."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.collection attack.t1005 exhunt.outcome.post-exploitation"
        id = "21664074-1d9b-467a-ade1-c407b3214df2"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $read = /(Response\s*\.\s*(WriteFile|TransmitFile)|File\s*\.\s*(ReadAllText|ReadAllBytes|OpenRead|OpenText)|new\s+(System\.IO\.)?StreamReader)\s*\(\s*(Server\s*\.\s*MapPath\s*\(\s*)?(Request\s*[\[.(]|(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\s*[,)+])/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $read
}

rule exhunt_aspnet_powershell_runspace
{
    meta:
        title = "ASP.NET page runs PowerShell in its own runspace"
        description = "A page opens a PowerShell runspace (System.Management.Automation) and adds scripts or commands to a pipeline, the way Antak and similar shells give the attacker PowerShell without starting powershell.exe."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.001 exhunt.outcome.post-exploitation"
        id = "3622f6a7-c344-411b-b0ce-126ac6768f64"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $runspace = /RunspaceFactory\s*\.\s*CreateRunspace|PowerShell\s*\.\s*Create\s*\(/ nocase ascii wide
        $script = /\.\s*(AddScript|AddCommand)\s*\(|Commands\s*\.\s*Add(Script)?\s*\(/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $runspace and $script and $web
}

rule exhunt_aspnet_compiles_request_source
{
    meta:
        title = "ASP.NET page compiles source code at run time"
        description = "A page compiles C# or VB source with CodeDom (CompileAssemblyFromSource) and runs it, letting its client send whole programs as text; web pages have no need to run the compiler."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027.004 exhunt.outcome.post-exploitation"
        id = "74db3ddd-ba58-483f-b57c-69e9600095f0"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $compile = "CompileAssemblyFromSource" nocase ascii wide
        $provider = /CSharpCodeProvider|VBCodeProvider|CodeDomProvider/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $compile and $provider and $web
}

rule exhunt_aspnet_wmi_process_create
{
    meta:
        title = "ASP.NET page starts processes through WMI"
        description = "A page calls the Create method of WMI's Win32_Process class, which starts a program outside the web server's process tree: a command route of web shells that avoids Process.Start."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1047 exhunt.outcome.post-exploitation"
        id = "7312de83-fba9-4836-b2a9-4ee57fa1aa8d"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $class = "Win32_Process" nocase ascii wide
        $create = /InvokeMethod\s*\(\s*["']Create["']/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $class and $create and $web
}

rule exhunt_aspnet_downloads_to_web_folder
{
    meta:
        title = "ASP.NET page downloads a URL from the request into a file"
        description = "A page fetches a URL named in the request with WebClient.DownloadFile (or saves downloaded data under MapPath), a dropper that pulls tools or a bigger shell from the attacker's server."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "4c2ce07a-389e-471b-aa3e-42be2c492575"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $download = /\.\s*DownloadFile\s*\(\s*(Request\s*[\[.(]|(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\s*[,)+])/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $download and $web
}

rule exhunt_aspnet_input_drives_system_api
{
    meta:
        title = "ASP.NET page hands text-box or request input straight to file, registry, directory or socket APIs"
        description = "A page passes what the visitor typed (a text box's Text or a request value) directly as the path, key or host of file system, registry, Active Directory or socket calls: the panels of web shell kits, where applications validate and map such input first."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1083 exhunt.outcome.post-exploitation"
        id = "6e60f023-7d09-40f2-8dc7-f5b75eb8c1bd"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $static_from_text = /\b(File|Directory)\s*\.\s*\w+\s*\(\s*(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\b/ nocase ascii wide
        $object_from_text = /(DirectoryInfo|FileInfo|StreamReader|StreamWriter|FileStream|DirectoryEntry|TcpClient)\s*\(\s*(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\b/ nocase ascii wide
        $registry_from_text = /Registry\s*\.\s*\w+\s*\.\s*(OpenSubKey|CreateSubKey|DeleteSubKey\w*|GetValue|SetValue)\s*\(\s*(this\s*\.\s*)?[A-Za-z_]\w*\s*\.\s*Text\b/ nocase ascii wide
        $api_from_request = /(\b(File\s*\.\s*(Delete|Copy|Move|WriteAll\w+|AppendAll\w+|ReadAll\w+|Open\w*|Create\w*|SetAttributes|Set\w+Time)|Directory\s*\.\s*(Delete|Move|GetFiles|GetDirectories|GetFileSystemEntries|CreateDirectory))|DirectoryInfo|FileInfo|StreamReader|StreamWriter|FileStream)\s*\(\s*(Server\s*\.\s*MapPath\s*\(\s*)?(Context\s*\.\s*)?Request\s*(\.\s*(Form|QueryString|Item|Params)\s*)?[\[(]/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and ($static_from_text or $object_from_text or $registry_from_text or $api_from_request)
}

rule exhunt_aspnet_small_standalone_uploader
{
    meta:
        title = "Small self-contained ASP.NET page that saves uploaded files"
        description = "A short page with its code inline (no code-behind) saves posted files with SaveAs: the stand-alone uploader dropped to bring in further tools; an application's upload page lives in its code-behind and validates what it stores."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "4a43f45d-15c8-4d53-ab53-9e53065605c2"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $save = /(PostedFile|Request\s*\.\s*Files\s*[\[(][^\])\r\n]{1,40}[\])]|HttpPostedFile\s+\w+[^;\r\n]{0,80};[^.]{0,200}\w+)\s*\.\s*SaveAs\s*\(/ nocase ascii wide
        $inline = /<script[^>]{0,100}runat\s*=\s*["']?server|<%[^@#=:]/ nocase ascii wide
        $code_behind = /<%@\s*(Page|Control)[^%]{0,400}\b(CodeFile|CodeBehind|Inherits)\s*=/ nocase ascii wide
    condition:
        filesize < 4KB and $save and $inline and not $code_behind
}

rule exhunt_aspnet_deserializes_request_data
{
    meta:
        title = "ASP.NET page deserializes request data with a type-carrying formatter"
        description = "A page feeds request data to BinaryFormatter, LosFormatter, ObjectStateFormatter, SoapFormatter or NetDataContractSerializer; these formatters build whatever types the data names, so a crafted request runs code: a deserialization backdoor."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059 exhunt.outcome.post-exploitation"
        id = "d3fe4176-5c15-474b-a1fe-70d84516b68d"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $formatter = /BinaryFormatter|LosFormatter|ObjectStateFormatter|SoapFormatter|NetDataContractSerializer/ nocase ascii wide
        $deserialize = /\.\s*Deserialize\s*\(/ nocase ascii wide
        $request = /Request\s*(\.\s*(Form|QueryString|Item|Params|InputStream|BinaryRead|Cookies|Headers)\b|\s*\[)/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $formatter and $deserialize and $request and $web
}

rule exhunt_aspnet_native_code_from_page
{
    meta:
        title = "ASP.NET page declares native Windows calls to run programs or shellcode"
        description = "A page declares P/Invoke imports of kernel32 or advapi32 functions that start programs, log on users or allocate executable memory (WinExec, CreateProcess, VirtualAlloc with CreateThread, LogonUser): a shellcode loader or privilege tool living in a web page."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1106 exhunt.outcome.post-exploitation"
        id = "8a900359-66d3-4a4f-8155-3464bf1be890"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $import = /DllImport\s*\(\s*["'](kernel32|advapi32|ntdll)(\.dll)?["']/ nocase ascii wide
        $run_1 = /\b(WinExec|CreateProcess(AsUser|WithLogonW)?[AW]?)\s*\(/ nocase ascii wide
        $run_2 = /\bLogonUser[AW]?\s*\(/ nocase ascii wide
        $memory = /\bVirtualAlloc(Ex)?\s*\(/ nocase ascii wide
        $thread = /\bCreate(Remote)?Thread\s*\(/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $import and (any of ($run_*) or ($memory and $thread))
}

rule exhunt_aspnet_parses_request_as_markup
{
    meta:
        title = "ASP.NET page compiles request data as server markup"
        description = "A page passes request data to Page.ParseControl or TemplateControl.ParseTemplate, which compile it as ASP.NET markup with server code: an eval of the request in disguise."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059 exhunt.outcome.post-exploitation"
        id = "e02ef2ae-44c6-4064-b0fb-8aabd204c1df"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $parse = /\b(ParseControl|ParseTemplate)\s*\(\s*(HttpUtility\s*\.\s*\w+\s*\(\s*)?(Context\s*\.\s*)?Request\s*[\[.(]/ nocase ascii wide
    condition:
        $parse
}

rule exhunt_aspnet_stub_page_instantiates_compiled_shell
{
    meta:
        title = "Tiny ASP.NET page only constructs a class from a deployed assembly with a key"
        description = "A page of a few lines whose server script does nothing but create an object of a namespaced class, passing it a hex key: the shell itself lives compiled in a DLL dropped into bin, and the page is the stub that wakes it. Pages of applications carry their own markup or name a code-behind class instead."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "866bc21b-e559-465b-a707-04b420ef2e0a"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // a server script block in C# or VB; the quotes around the language may be any two bytes,
        // because copies of these stubs circulate with typographic quotes
        $script = /<\s*script[^>]{0,120}language\s*=\s*[^\s>]{0,3}(C#|cs|vb)/ nocase ascii wide
        $keyed_construction = /=\s*new\s+[A-Za-z_]\w{0,40}(\.[A-Za-z_]\w{0,40}){1,4}\s*\(\s*"[0-9a-fA-F]{8,64}"\s*\)\s*;/ ascii wide
    condition:
        filesize < 2KB and $script and $keyed_construction
}

rule exhunt_aspnet_writes_page_next_to_itself
{
    meta:
        title = "ASP.NET page or control writes a new page beside its own file"
        description = "A page or user control writes a file whose name is its own physical path plus a server-script extension (.aspx, .ashx, .asmx and the like): a planter that turns any writable control into a second, full web shell at a predictable address."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "2345ed98-2a9a-4162-8c22-3f0e42be3ef4"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $write_beside_self = /(File\s*\.\s*(WriteAllText|WriteAllBytes|AppendAllText|CreateText|Create|Copy)|new\s+(System\.IO\.)?(StreamWriter|FileStream))\s*\(\s*[^;\r\n]{0,80}(PhysicalPath|MapPath\s*\(\s*Request\s*\.\s*(Path|FilePath|Url|RawUrl|CurrentExecutionFilePath))[^;\r\n]{0,40}\+\s*"\.(aspx|asp|ashx|asmx|asax|ascx|cshtml|config)"/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and $write_beside_self
}

rule exhunt_aspnet_sql_console_from_request_values
{
    meta:
        title = "Small ASP.NET page opens a connection string and runs a statement both read from the request"
        description = "A self-contained page copies request values into variables and opens a database connection and a command with them, with no connection string from configuration anywhere: a one-page SQL console that queries any database the server can reach with credentials the attacker supplies."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.collection attack.t1213 exhunt.outcome.post-exploitation"
        id = "6d63a788-6ea2-447e-9e08-060e7ee787ef"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $connection_from_variable = /new\s+(System\.Data\.)?(SqlClient\.|OleDb\.|Odbc\.)?(Sql|OleDb|Odbc|MySql)Connection\s*\(\s*[a-z_]\w{0,40}\s*\)/ nocase ascii wide
        $command_from_variable = /new\s+(System\.Data\.)?(SqlClient\.|OleDb\.|Odbc\.)?(Sql|OleDb|Odbc|MySql)Command\s*\(\s*[a-z_]\w{0,40}\s*,/ nocase ascii wide
        $from_request = /=\s*Request\s*(\.\s*(QueryString|Form|Params))?\s*\[\s*"[^"\r\n]{1,30}"\s*\]\s*;/ nocase ascii wide
        $exec = /\.\s*(ExecuteReader|ExecuteNonQuery|ExecuteScalar|Fill)\s*\(/ nocase ascii wide
        // applications take their connection strings from configuration
        $configured = /ConnectionStrings|ConfigurationManager|ConfigurationSettings|AppSettings/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        filesize < 30KB and $web and $connection_from_variable and $command_from_variable and $exec
        and #from_request >= 2 and not $configured
}
