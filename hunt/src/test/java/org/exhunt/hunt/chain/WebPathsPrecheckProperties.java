package org.exhunt.hunt.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The cheap check before the script-path search never passes over text the search would find something in. */
class WebPathsPrecheckProperties {

    private static final List<String> DOTTED = List.of(".aspx", ".ashx", ".asmx", ".asp", ".asa", ".cer", ".cshtml",
            ".php", ".jsp", ".jspx");

    @Property(tries = 3000)
    void textWhoseLowerCaseHoldsAScriptExtensionIsAlwaysSearched(
            @ForAll @StringLength(max = 40) @Chars({'.', 'a', 'A', 's', 'S', 'p', 'P', 'x', 'h', 'm', 'c', 'C', 'e', 'r',
                    'j', 'J', 't', 'l', '\\', ':', 'K', '\u212A', '\u0130', '\u00C5', '\u212B', ' '}) String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean holds = DOTTED.stream().anyMatch(lower::contains);
        if (holds) assertThat(WebPaths.mayNameScript(text)).as(text).isTrue();
    }

    @Property(tries = 300)
    void aDrivePathToAPageInAnyCaseIsFound(@ForAll("pages") String page, @ForAll boolean upper) {
        String path = "C:\\inetpub\\wwwroot\\aspnet_client\\" + page;
        String text = "wrote '" + (upper ? path.toUpperCase(Locale.ROOT) : path) + "' done";
        assertThat(WebPaths.scriptPathIn(text)).isEqualToIgnoringCase(path);
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(names, Arbitraries.of(DOTTED)).as((n, ext) -> n + ext);
    }
}
