package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WebPathsTest {

    @Test
    void aUncPathToAScriptPageIsFoundInLogText() {
        assertThat(WebPaths.scriptPathIn("Download failed and temporary file"
                + " '\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx' needs to be removed."))
                .isEqualTo("\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx");
    }

    @Test
    void aDrivePathWithSpacesIsFoundWhole() {
        assertThat(WebPaths.scriptPathIn("wrote C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd"
                + "\\HttpProxy\\owa\\auth\\Err0r.ASPX at 02:10"))
                .isEqualTo("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\Err0r.ASPX");
    }

    @Test
    void textWithoutARootedPathOrWithALongerExtensionNamesNoScript() {
        assertThat(WebPaths.scriptPathIn("GET /owa/auth/x.aspx")).isNull();
        assertThat(WebPaths.scriptPathIn("C:\\temp\\notes.aspxbak")).isNull();
        assertThat(WebPaths.scriptPathIn("C:\\temp\\notes.txt")).isNull();
    }

    @Test
    void aRequestPathMeetsTheFileItServesAsATail() {
        assertThat(WebPaths.tails(WebPaths.normalize("C:\\inetpub\\wwwroot\\aspnet_client\\X.aspx")))
                .contains(WebPaths.normalize("/aspnet_client/x.aspx"))
                .doesNotContain("/aspnet_client/y.aspx");
    }

    @Property(tries = 300)
    void anyTextGivesNullOrARootedScriptPathItContains(@ForAll String text) {
        String path = WebPaths.scriptPathIn(text);
        if (path != null) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).contains(path.toLowerCase(java.util.Locale.ROOT));
            assertThat(WebPaths.isScriptPage(path)).isTrue();
        }
    }
}
